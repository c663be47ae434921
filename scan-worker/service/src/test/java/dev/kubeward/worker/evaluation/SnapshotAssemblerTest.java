package dev.kubeward.worker.evaluation;

import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.worker.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAssemblerTest {

    @Test
    void joinsChunksInOrderWithTheClusterFactsOfTheAgent() {
        var objects = Fixtures.cluster(20);
        var chunks = Fixtures.snapshot(UUID.randomUUID().toString(), objects, 17, "s");
        AssembledSnapshot a = SnapshotAssembler.assemble(chunks.stream().map(Fixtures.Signed::bytes).toList());

        assertThat(a.snapshot().objects()).extracting(KubeObject::name)
                .containsExactlyElementsOf(objects.stream().map(o -> o.path("metadata").path("name").asText()).toList());
        assertThat(a.snapshot().cluster()).isEqualTo(new ClusterInfo(ClusterInfo.Provider.EKS, "v1.29.3-eks-1", 3));
        assertThat(a.agentVersion()).isEqualTo("0.1.0-test");
        assertThat(a.metadata()).isEqualTo(Fixtures.EKS);
    }

    @Test
    void secretsNeverKeepTheirValues() {
        var chunks = Fixtures.snapshot(UUID.randomUUID().toString(), List.of(Fixtures.secret("ns", "db")), 10, "s");
        AssembledSnapshot a = SnapshotAssembler.assemble(List.of(chunks.get(0).bytes()));
        KubeObject secret = a.snapshot().objects().get(0);
        assertThat(secret.json().has("data")).isFalse();
        assertThat(secret.json().has("stringData")).isFalse();
        assertThat(secret.json().path("type").asText()).isEqualTo("Opaque");
    }

    @Test
    void mapsProviderIdsOfTheAgent() {
        assertThat(SnapshotAssembler.provider("eks")).isEqualTo(ClusterInfo.Provider.EKS);
        assertThat(SnapshotAssembler.provider("OpenShift")).isEqualTo(ClusterInfo.Provider.OPENSHIFT);
        assertThat(SnapshotAssembler.provider("on-prem")).isEqualTo(ClusterInfo.Provider.ONPREM);
        assertThat(SnapshotAssembler.provider("minikube")).isEqualTo(ClusterInfo.Provider.UNKNOWN);
        assertThat(SnapshotAssembler.provider(null)).isEqualTo(ClusterInfo.Provider.UNKNOWN);
    }
}
