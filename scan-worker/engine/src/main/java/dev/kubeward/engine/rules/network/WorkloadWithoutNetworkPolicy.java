package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/** C-0260: no NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy selects the workload's pods. */
final class WorkloadWithoutNetworkPolicy extends WorkloadRule {

    @Override
    public String name() {
        return "ensure_network_policy_configured_in_labels";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        PodSelection selection = PodSelection.of(ctx.index());
        if (!selection.policiesSelecting(selection.pods(template)).isEmpty()) return List.of();
        return List.of(Violation.on(template.owner())
                .message("no network policy selects the pods' labels")
                .failed(template.metadataPath() + ".labels")
                .build());
    }
}
