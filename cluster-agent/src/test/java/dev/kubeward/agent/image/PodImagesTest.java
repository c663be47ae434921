package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PodImagesTest {

    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);

    @Test
    void pinsEachContainerToTheDigestItsStatusReports() throws Exception {
        var pod = new ObjectMapper().readTree("""
                {"kind":"Pod","metadata":{"namespace":"shop","name":"web-1"},
                 "spec":{"imagePullSecrets":[{"name":"regcred"}],
                         "initContainers":[{"name":"migrate","image":"ghcr.io/acme/migrate:1"}],
                         "containers":[{"name":"web","image":"nginx:1.27"},{"name":"sidecar","image":"busybox"},{"name":"bad","image":"Not A Ref"}]},
                 "status":{"initContainerStatuses":[{"name":"migrate","imageID":"ghcr.io/acme/migrate@%s"}],
                           "containerStatuses":[{"name":"web","imageID":"docker-pullable://nginx@%s"},
                                                {"name":"sidecar","imageID":"docker://sha256:%s"}]}}
                """.formatted(D1, D2, "3".repeat(64)));

        List<ImageJob> jobs = PodImages.of(pod);

        assertThat(jobs).extracting(ImageJob::key).containsExactly(D1, D2, "docker.io/library/busybox:latest");
        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.namespace()).isEqualTo("shop");
            assertThat(j.pullSecrets()).containsExactly("regcred");
        });
    }
}
