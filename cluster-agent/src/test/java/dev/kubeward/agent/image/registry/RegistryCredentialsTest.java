package dev.kubeward.agent.image.registry;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCredentialsTest {

    @Test
    void readsDockerConfigJsonAndTheOlderDockercfgByRegistryHost() {
        String auth = Base64.getEncoder().encodeToString("robot:pa:ss".getBytes(StandardCharsets.UTF_8));
        RegistryCredentials json = RegistryCredentials.fromDockerConfig(("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"username\":\"hubuser\",\"password\":\"hubpass\"},"
                + "\"https://registry.example.com:5000/v2/\":{\"auth\":\"" + auth + "\"},"
                + "\"ghcr.io\":{\"auth\":\"not base64!\"}}}").getBytes(StandardCharsets.UTF_8));
        RegistryCredentials dockercfg = RegistryCredentials.fromDockerConfig("{\"quay.io\":{\"username\":\"q\",\"password\":\"p\"}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(json.forRegistry("docker.io")).contains(new RegistryCredentials.Login("hubuser", "hubpass"));
        assertThat(json.forRegistry("registry.example.com:5000")).contains(new RegistryCredentials.Login("robot", "pa:ss"));
        assertThat(json.forRegistry("ghcr.io")).isEmpty();
        assertThat(dockercfg.forRegistry("quay.io")).isPresent();
        assertThat(json.and(dockercfg).forRegistry("quay.io")).isPresent();
    }

    @Test
    void neverShowsALoginOrTheDocument() {
        RegistryCredentials c = RegistryCredentials.fromDockerConfig("{\"auths\":{\"r.example\":{\"username\":\"u\",\"password\":\"hunter2\"}}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(c.toString()).isEqualTo("RegistryCredentials[r.example]");
        assertThat(c.forRegistry("r.example").orElseThrow().toString()).doesNotContain("hunter2").doesNotContain("u\"");
        assertThatThrownBy(() -> RegistryCredentials.fromDockerConfig("{\"password\": \"hunter2\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
    }
}
