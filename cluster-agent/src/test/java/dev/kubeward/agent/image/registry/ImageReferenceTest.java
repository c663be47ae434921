package dev.kubeward.agent.image.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void normalisesAsContainerRuntimesDo() {
        assertThat(ImageReference.parse("nginx")).isEqualTo(new ImageReference("docker.io", "library/nginx", "latest", null));
        assertThat(ImageReference.parse("bitnami/redis:7.2")).isEqualTo(new ImageReference("docker.io", "bitnami/redis", "7.2", null));
        assertThat(ImageReference.parse("index.docker.io/library/nginx@" + DIGEST)).isEqualTo(new ImageReference("docker.io", "library/nginx", null, DIGEST));
        assertThat(ImageReference.parse("registry.local:5000/team/app:v2@" + DIGEST))
                .isEqualTo(new ImageReference("registry.local:5000", "team/app", "v2", DIGEST));
        assertThat(ImageReference.parse("localhost/app").registry()).isEqualTo("localhost");
        assertThat(ImageReference.parse("nginx").apiHost()).isEqualTo("registry-1.docker.io");
    }

    @Test
    void refusesWhatIsNoReference() {
        assertThatThrownBy(() -> ImageReference.parse("nginx@md5:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageReference.parse("Upper/Case")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageReference.parse("r.example/../../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
