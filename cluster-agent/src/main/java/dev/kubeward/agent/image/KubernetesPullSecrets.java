package dev.kubeward.agent.image;

import dev.kubeward.agent.image.registry.RegistryCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads a pod's image pull secrets from the API, one {@code get} each, when an image of the pod is analysed.
 * The values go into {@link RegistryCredentials} and nowhere else: not into logs, snapshots or the platform.
 * A secret the agent may not read (the Helm chart grants {@code get} only on the secrets listed in
 * {@code imageScan.pullSecrets}) is logged by name and the registry is asked anonymously.
 */
public final class KubernetesPullSecrets implements PullSecrets {

    private static final Logger log = LoggerFactory.getLogger(KubernetesPullSecrets.class);
    private static final List<String> KEYS = List.of(".dockerconfigjson", ".dockercfg");

    private final KubernetesClient client;

    public KubernetesPullSecrets(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public RegistryCredentials credentials(String namespace, List<String> names) {
        RegistryCredentials all = RegistryCredentials.NONE;
        for (String name : names) {
            try {
                Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
                Map<String, String> data = secret == null || secret.getData() == null ? Map.of() : secret.getData();
                String value = KEYS.stream().map(data::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
                if (value == null) {
                    log.info("pull secret {}/{} not found or holds no docker config", namespace, name);
                    continue;
                }
                all = all.and(RegistryCredentials.fromDockerConfig(Base64.getDecoder().decode(value.strip())));
            } catch (KubernetesClientException e) {
                log.info("pull secret {}/{} not readable ({}); the chart grants get on the secrets listed in imageScan.pullSecrets", namespace, name,
                        e.getCode() == 403 ? "forbidden" : "HTTP " + e.getCode());
            } catch (IllegalArgumentException e) {
                log.info("pull secret {}/{} is not a docker config: {}", namespace, name, e.getMessage());
            }
        }
        return all;
    }
}
