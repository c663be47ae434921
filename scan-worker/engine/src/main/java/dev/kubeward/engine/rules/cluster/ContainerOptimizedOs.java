package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0226: a node whose OS image is a general-purpose distribution rather than a container-optimized one
 * (Bottlerocket, Google's Container-Optimized OS, Flatcar, Fedora CoreOS, Talos). A node that reports no
 * OS image is not judged.
 */
final class ContainerOptimizedOs implements ResourceRule {

    private static final List<String> OPTIMIZED = List.of(
            "Bottlerocket", "Container-Optimized OS", "Flatcar Container Linux", "Fedora CoreOS", "Talos");

    @Override
    public String name() {
        return "alert-container-optimized-os-not-in-use";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Node");
    }

    @Override
    public List<Violation> check(KubeObject node, RuleContext ctx) {
        String os = Nodes.osImage(node);
        if (os == null || OPTIMIZED.stream().anyMatch(os::startsWith)) return List.of();
        return List.of(Violation.on(node)
                .message("node runs " + os + "; prefer a container-optimized OS when possible")
                .failed("status.nodeInfo.osImage")
                .build());
    }
}
