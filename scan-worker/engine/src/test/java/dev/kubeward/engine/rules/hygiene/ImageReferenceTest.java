package dev.kubeward.engine.rules.hygiene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "python:3.11-slim, docker.io/library/python, 3.11-slim",
            "library/nginx:1.0, docker.io/library/nginx, 1.0",
            "bitnami/redis, docker.io/bitnami/redis, -",
            "gcr.io/project/image:1.0, gcr.io/project/image, 1.0",
            "gcr.io:5000/project/image:1.0, gcr.io:5000/project/image, 1.0",
            "registry.example.com:5000/agent, registry.example.com:5000/agent, -",
            "localhost/app:dev, localhost/app, dev",
            "index.docker.io/library/busybox, docker.io/library/busybox, -",
    })
    void splitsRegistryRepositoryAndTag(String image, String name, String tag) {
        ImageReference ref = ImageReference.parse(image);
        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.tag()).isEqualTo(tag);
    }

    @Test
    void matchesAllowedLocationsOnWholePathComponents() {
        assertThat(ImageReference.parse("gcr.io/project/image:1.0").isUnder("gcr.io")).isTrue();
        assertThat(ImageReference.parse("gcr.io/project/image:1.0").isUnder("gcr.io/project")).isTrue();
        assertThat(ImageReference.parse("gcr.io/project/image:1.0").isUnder("gcr.io/project/")).isTrue();
        assertThat(ImageReference.parse("python:3.11").isUnder("docker.io")).isTrue();
        assertThat(ImageReference.parse("gcr.io:5000/project/image:1.0").isUnder("gcr.io")).isFalse();
        assertThat(ImageReference.parse("gcrXio/project/image:1.0").isUnder("gcr.io")).isFalse();
        assertThat(ImageReference.parse("gcr.io.evil.com/image:1.0").isUnder("gcr.io")).isFalse();
        assertThat(ImageReference.parse("gcr.io/projectx/image:1.0").isUnder("gcr.io/project")).isFalse();
    }

    @Test
    void acceptsOnlyWellFormedDigests() {
        String hex64 = "a".repeat(64);
        assertThat(ImageReference.parse("nginx@sha256:" + hex64).hasValidDigest()).isTrue();
        assertThat(ImageReference.parse("nginx:1.25@sha256:" + hex64).hasValidDigest()).isTrue();
        assertThat(ImageReference.parse("nginx@sha512:" + "a".repeat(128)).hasValidDigest()).isTrue();
        assertThat(ImageReference.parse("nginx@custom-algorithm:a").hasValidDigest()).isTrue();
        assertThat(ImageReference.parse("nginx@sha256:abc").hasValidDigest()).isFalse();
        assertThat(ImageReference.parse("nginx@sha256:" + "A".repeat(64)).hasValidDigest()).isFalse();
        assertThat(ImageReference.parse("nginx@blake3:" + "a".repeat(63)).hasValidDigest()).isFalse();
        assertThat(ImageReference.parse("registry.example.com:5000/myapp:1.0").hasValidDigest()).isFalse();
    }
}
