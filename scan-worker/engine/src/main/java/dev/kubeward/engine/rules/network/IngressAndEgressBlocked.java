package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0030: the workload's pods must be isolated in both directions — some policy selecting them isolates
 * ingress and some (possibly another) isolates egress. NB: Kubernetes isolates a pod only in the
 * directions of the policies that select it, so a pod selected by an egress-only policy still accepts any
 * ingress; Kubescape's cases count such a pod as blocked, we do not (docs/conformance/network.md).
 */
final class IngressAndEgressBlocked extends WorkloadRule {

    @Override
    public String name() {
        return "ingress-and-egress-blocked";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        PodSelection selection = PodSelection.of(ctx.index());
        List<NetworkPolicyRule> policies = selection.policiesSelecting(selection.pods(template));
        boolean ingress = policies.stream().anyMatch(NetworkPolicyRule::isolatesIngress);
        boolean egress = policies.stream().anyMatch(NetworkPolicyRule::isolatesEgress);
        if (ingress && egress) return List.of();
        String open = !ingress && !egress ? "ingress and egress" : !ingress ? "ingress" : "egress";
        Violation.Builder v = Violation.on(template.owner())
                .message(policies.isEmpty()
                        ? "no network policy selects the pods, so their " + open + " traffic is unrestricted"
                        : "no network policy selecting the pods restricts their " + open + " traffic");
        policies.forEach(p -> v.related(p.source()));
        return List.of(v.build());
    }
}
