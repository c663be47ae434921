package dev.kubeward.engine.rules.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageNameTest {

    @Test
    void shortNamesComeFromDockerHubLibrary() {
        ImageName nginx = ImageName.parse("nginx:1.25");
        assertThat(nginx.normalized()).isEqualTo("docker.io/library/nginx");
        assertThat(nginx.tag()).isEqualTo("1.25");
        assertThat(ImageName.parse("bitnami/redis").normalized()).isEqualTo("docker.io/bitnami/redis");
        assertThat(ImageName.parse("index.docker.io/library/nginx").registry()).isEqualTo("docker.io");
    }

    @Test
    void aPortIsNotATag() {
        ImageName image = ImageName.parse("localhost:5000/app");
        assertThat(image.registry()).isEqualTo("localhost:5000");
        assertThat(image.tag()).isNull();
    }

    @Test
    void digestIsSplitOffBeforeTheTag() {
        ImageName image = ImageName.parse("gcr.io/proj/app:1.0@sha256:abc");
        assertThat(image.tag()).isEqualTo("1.0");
        assertThat(image.digest()).isEqualTo("sha256:abc");
        assertThat(image.repository()).isEqualTo("proj/app");
    }

    @Test
    void registryLocationsMatchWholeComponents() {
        assertThat(ImageName.parse("gcr.io/goproxy:0.1").isFrom("gcr.io")).isTrue();
        assertThat(ImageName.parse("gcr.io/goproxy:0.1").isFrom("gcr.io/")).isTrue();
        assertThat(ImageName.parse("gcr.io.evil.com/goproxy").isFrom("gcr.io")).isFalse();
        assertThat(ImageName.parse("gcr.io/team-a/app").isFrom("gcr.io/team")).isFalse();
        assertThat(ImageName.parse("nginx").isFrom("docker.io")).isTrue();
        assertThat(ImageName.parse("nginx").isFrom("registry.hub.docker.com")).isFalse();
    }

    @Test
    void bareDomainAdmitsItsRegistrySubdomains() {
        assertThat(ImageName.parse("1234.dkr.ecr.eu-west-1.amazonaws.com/app:1").isFrom("amazonaws.com")).isTrue();
        assertThat(ImageName.parse("corp.azurecr.io/app").isFrom("azurecr.io")).isTrue();
        assertThat(ImageName.parse("notazurecr.io/app").isFrom("azurecr.io")).isFalse();
    }
}
