package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Workload hygiene: where images come from, resources and probes, credentials in environment and ConfigMaps,
 * service account tokens, the default namespace, labels, and a few known-vulnerable components.
 */
public final class WorkloadRules {

    private WorkloadRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(List.of(
                new BlockedRegistryImages("rule-identify-blocklisted-image-registries"),
                new BlockedRegistryImages("rule-identify-blocklisted-image-registries-v1"),
                new AllowedRegistryImages("container-image-repository"),
                new AllowedRegistryImages("container-image-repository-v1"),
                new ResourceBounds("resources-memory-limit-and-request", "memory"),
                new ResourceBounds("resources-cpu-limit-and-request", "cpu"),
                new ResourceLimits(),
                new ProbeConfigured("configured-readiness-probe", "readinessProbe"),
                new ProbeConfigured("configured-liveness-probe", "livenessProbe"),
                new CredentialsInEnvironment(),
                new CredentialsInConfigMap(),
                new SecretsInEnvironment(),
                new CloudCredentialsMount(),
                new CronJobPresence(),
                new ServiceAccountTokenAutomount(),
                new DefaultServiceAccountAutomount(),
                new NamespaceWithoutServiceAccount(),
                new DefaultServiceAccountBindings(),
                new SshServiceExposure(),
                new SudoInEntrypoint(),
                new NakedPod(),
                new LatestImagePullPolicy(),
                new RecommendedLabels("label-usage-for-resources", "recommendedLabels"),
                new RecommendedLabels("k8s-common-labels-usage", "k8sRecommendedLabels"),
                new NamespaceReview(),
                new ContainerdFsEscape()));
        rules.addAll(VulnerableImage.all());
        rules.addAll(InDefaultNamespace.all());
        return List.copyOf(rules);
    }
}
