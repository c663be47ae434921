package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0305: a Deployment that chose a strategy other than RollingUpdate ({@code Recreate} stops every pod before
 * starting new ones). An absent strategy is RollingUpdate by default and passes.
 */
final class NoRollingUpdateRule implements ResourceRule {

    private static final String PATH = "spec.strategy.type";

    @Override
    public String name() {
        return "no-rolling-update-strategy";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Deployment");
    }

    @Override
    public List<Violation> check(KubeObject deployment, RuleContext ctx) {
        var type = deployment.spec().path("strategy").path("type");
        if (!type.isTextual() || type.asText().isEmpty() || type.asText().equals("RollingUpdate")) return List.of();
        return List.of(Violation.on(deployment).failed(PATH).fix(PATH, "RollingUpdate")
                .message("Deployment " + deployment.name() + " uses the " + type.asText()
                        + " strategy, which takes every pod down before starting new ones")
                .build());
    }
}
