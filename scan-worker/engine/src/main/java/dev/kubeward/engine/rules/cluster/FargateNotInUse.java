package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * C-0233 (EKS): untrusted workloads are best isolated on Fargate. When no node of the cluster is a Fargate
 * node (named {@code fargate-…} or labelled {@code eks.amazonaws.com/compute-type: fargate}), every node
 * is reported; one Fargate node passes them all.
 */
final class FargateNotInUse implements SnapshotRule {

    @Override
    public String name() {
        return "alert-fargate-not-in-use";
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        List<KubeObject> nodes = ctx.index().ofKind("Node");
        if (nodes.isEmpty() || !Nodes.providerIs(ctx, Provider.EKS)) return new RuleOutcome(Set.of(), List.of());
        Set<ObjectRef> evaluated = nodes.stream().map(KubeObject::ref).collect(Collectors.toSet());
        if (nodes.stream().anyMatch(FargateNotInUse::isFargate)) return new RuleOutcome(evaluated, List.of());
        List<Violation> violations = nodes.stream()
                .map(n -> Violation.on(n).message("no node of the cluster runs on Fargate; consider it for untrusted workloads").build())
                .toList();
        return new RuleOutcome(evaluated, violations);
    }

    static boolean isFargate(KubeObject node) {
        return node.name() != null && node.name().startsWith("fargate")
                || "fargate".equals(node.labels().path("eks.amazonaws.com/compute-type").asText());
    }
}
