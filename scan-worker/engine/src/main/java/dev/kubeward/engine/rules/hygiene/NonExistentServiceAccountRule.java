package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0307: a workload naming a ServiceAccount that does not exist in its namespace; admission rejects such pods.
 * {@code default} always exists. NB: the deprecated {@code serviceAccount} field counts when
 * {@code serviceAccountName} is empty — the API server converts one into the other — whereas Kubescape
 * reads only {@code serviceAccountName}.
 */
final class NonExistentServiceAccountRule extends PodTemplateRule {

    @Override
    public String name() {
        return "non-existent-service-account";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        String account = template.serviceAccountName();
        if (account.equals("default")) return List.of();
        boolean exists = ctx.index().ofKindInNamespace("ServiceAccount", template.namespace()).stream()
                .anyMatch(sa -> account.equals(sa.name()));
        if (exists) return List.of();
        boolean byName = !template.podSpec().path("serviceAccountName").asText("").isEmpty();
        String path = template.specPath() + (byName ? ".serviceAccountName" : ".serviceAccount");
        String namespace = template.namespace() == null ? "default" : template.namespace();
        return List.of(Violation.on(template.owner()).failed(path)
                .message("service account " + account + " does not exist in namespace " + namespace
                        + "; pods of " + template.owner().kind() + " " + template.owner().name() + " will be rejected")
                .build());
    }
}
