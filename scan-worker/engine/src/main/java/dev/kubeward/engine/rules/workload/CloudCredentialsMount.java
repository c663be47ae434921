package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * C-0020: hostPath volumes that expose the node's cloud credentials (AWS, Azure or Google files, depending on the
 * cluster's provider) to the pod. Without a known managed provider there is nothing to look for.
 */
final class CloudCredentialsMount extends PodSpecRule {

    private static final Map<Provider, List<String>> CREDENTIAL_PATHS = Map.of(
            Provider.EKS, List.of("/.aws/", "/.aws/config/", "/.aws/credentials/"),
            Provider.AKS, List.of("/etc/", "/etc/kubernetes/", "/etc/kubernetes/azure.json", "/.azure/",
                    "/.azure/credentials/"),
            Provider.GKE, List.of("/.config/gcloud/", "/.config/", "/gcloud/",
                    "/.config/gcloud/application_default_credentials.json", "/gcloud/application_default_credentials.json"));
    /** A file name such as {@code azure.json}; directories are compared with a trailing slash. */
    private static final Pattern FILE = Pattern.compile("[\\w-]+\\.[\\w-]+$");

    CloudCredentialsMount() {
        super("alert-mount-potential-credentials-paths");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<String> unsafe = CREDENTIAL_PATHS.getOrDefault(ctx.cluster().provider(), List.of());
        if (unsafe.isEmpty()) return;
        JsonNode volumes = pod.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            JsonNode hostPath = volume.path("hostPath").path("path");
            if (!hostPath.isTextual() || !unsafe.contains(normalize(hostPath.asText()))) continue;
            String volumePath = pod.specPath() + ".volumes[" + i + "]";
            finding.failed(volumePath).delete(volumePath)
                    .note("Volume '" + volume.path("name").asText() + "' mounts host path " + hostPath.asText()
                            + ", where the node keeps cloud credentials");
            String name = volume.path("name").asText();
            for (PodTemplate.Container c : pod.allContainers()) {
                JsonNode mounts = c.json().path("volumeMounts");
                for (int j = 0; j < mounts.size(); j++) {
                    if (name.equals(mounts.get(j).path("name").asText())) {
                        String mountPath = c.path() + ".volumeMounts[" + j + "]";
                        finding.failed(mountPath).delete(mountPath);
                    }
                }
            }
        }
    }

    static String normalize(String path) {
        if (path.endsWith("/") || FILE.matcher(path).find()) return path;
        return path + "/";
    }
}
