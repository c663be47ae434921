package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/**
 * Configuration hygiene: what a workload mounts and requests, how it names its service account, images and
 * selectors, and the Agent Sandbox templates that run untrusted agent code.
 */
public final class HygieneRules {

    private HygieneRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new ExternalSecretStorageRule(),
                new OldKubernetesRegistryRule(),
                new MountedVolumeRule(MountedVolumeRule.Source.SECRET),
                new MountedVolumeRule(MountedVolumeRule.Source.PVC),
                new MountedVolumeRule(MountedVolumeRule.Source.CONFIG_MAP),
                new ServiceAccountTokenMountRule(),
                ResourceSetRule.cpuRequests(),
                ResourceSetRule.memoryRequests(),
                ResourceSetRule.cpuLimits(),
                ResourceSetRule.memoryLimits(),
                new NginxIngressEolRule(),
                new DeprecatedServiceAccountFieldRule(),
                new DuplicateEnvVarRule(),
                new MismatchingSelectorRule(),
                new NoRollingUpdateRule(),
                new ImageDigestPinRule(),
                new NonExistentServiceAccountRule(),
                new SandboxRuntimeClassRule(),
                new SandboxEgressPolicyRule(),
                SandboxResourceCeilingRule.cpu(),
                SandboxResourceCeilingRule.memory(),
                new SandboxImageRegistryRule(),
                new SandboxImageTagRule());
    }
}
