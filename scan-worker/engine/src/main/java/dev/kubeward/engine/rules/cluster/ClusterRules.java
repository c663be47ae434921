package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Cluster-level posture: the API server's own settings (the "-native" halves of the hybrid controls; the
 * "-cloud" halves need the cloud provider's API and are deliberately absent), node versions and OS,
 * known CVEs that depend on versions, admission control, storage encryption and autoscaler targets.
 */
public final class ClusterRules {

    private ClusterRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(List.of(
                ApiServerFlagRule.etcdEncryption(),
                ApiServerFlagRule.auditLogs(),
                ApiServerFlagRule.podSecurityPolicy(),
                ApiServerFlagRule.rbac(),
                new SubPathSymlinkExchange(),
                new NginxSnippetAnnotations(),
                new AggregatedApiRedirect(),
                new PersistentVolumeWithoutEncryption(),
                new HpaWithoutTarget(),
                WebhookReview.validating(),
                WebhookReview.mutating(),
                new ContainerOptimizedOs(),
                new FargateNotInUse(),
                new RolesWithAwsIamAuthenticator(),
                new OutdatedKubernetesVersion()));
        rules.addAll(PodSecurityAdmissionApplied.both());
        return List.copyOf(rules);
    }
}
