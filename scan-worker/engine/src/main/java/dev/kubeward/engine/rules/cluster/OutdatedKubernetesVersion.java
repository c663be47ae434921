package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C-0273: a node whose kubelet is older than the three minor releases the Kubernetes project supports.
 * NB: {@link #NEWEST_MINOR} is the newest release known to this library and moves with each release, as
 * Kubescape's list does; versions newer than it are supported.
 */
final class OutdatedKubernetesVersion implements ResourceRule {

    /** Newest Kubernetes minor release (1.x) known to this library. */
    static final int NEWEST_MINOR = 34;
    /** The project maintains the three most recent minor releases. */
    static final int SUPPORTED_MINORS = 3;

    @Override
    public String name() {
        return "outdated-k8s-version";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Node");
    }

    static boolean outdated(SemanticVersion v) {
        return v.isBefore(SemanticVersion.of(1, NEWEST_MINOR - SUPPORTED_MINORS + 1, 0));
    }

    @Override
    public List<Violation> check(KubeObject node, RuleContext ctx) {
        String reported = Nodes.kubeletVersion(node);
        Optional<SemanticVersion> version = SemanticVersion.parse(reported);
        if (version.isEmpty() || !outdated(version.get())) return List.of();
        return List.of(Violation.on(node)
                .message("kubelet " + reported + " on node " + node.name() + " is older than the supported releases (1."
                        + (NEWEST_MINOR - SUPPORTED_MINORS + 1) + " to 1." + NEWEST_MINOR + ")")
                .failed("status.nodeInfo.kubeletVersion")
                .build());
    }
}
