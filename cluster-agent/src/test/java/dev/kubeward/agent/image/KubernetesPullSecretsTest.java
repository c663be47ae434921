package dev.kubeward.agent.image;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One get per named pull secret; a missing, forbidden or malformed one is skipped, never fatal. */
@EnableKubernetesMockClient
class KubernetesPullSecretsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void readsTheNamedSecretsAndSkipsWhatItMayNotRead() {
        String config = "{\"auths\":{\"ghcr.io\":{\"username\":\"bot\",\"password\":\"token-1\"}}}";
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/regcred").andReturn(200, new SecretBuilder()
                .withNewMetadata().withName("regcred").withNamespace("shop").endMetadata().withType("kubernetes.io/dockerconfigjson")
                .addToData(".dockerconfigjson", Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8))).build()).once();
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/not-granted")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build()).once();
        server.expect().get().withPath("/api/v1/namespaces/shop/secrets/opaque").andReturn(200, new SecretBuilder()
                .withNewMetadata().withName("opaque").withNamespace("shop").endMetadata().addToData("password", "aHVudGVyMg==").build()).once();

        var credentials = new KubernetesPullSecrets(client).credentials("shop", List.of("not-granted", "missing", "opaque", "regcred"));

        assertThat(credentials.forRegistry("ghcr.io")).hasValueSatisfying(l -> assertThat(l.username()).isEqualTo("bot"));
        assertThat(credentials.toString()).isEqualTo("RegistryCredentials[ghcr.io]");
    }
}
