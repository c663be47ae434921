package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0294: the deprecated {@code serviceAccount} alias of {@code serviceAccountName}. The API server copies
 * {@code serviceAccountName} into the alias on every pod it stores, so an alias equal to the name is the
 * server's echo, not a manifest smell; only an alias that stands alone or disagrees is reported.
 */
final class DeprecatedServiceAccountFieldRule extends PodTemplateRule {

    @Override
    public String name() {
        return "deprecated-service-account-field";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        String alias = template.podSpec().path("serviceAccount").asText("");
        if (alias.isEmpty()) return List.of();
        String name = template.podSpec().path("serviceAccountName").asText("");
        if (alias.equals(name)) return List.of();
        String deprecated = template.specPath() + ".serviceAccount";
        Violation.Builder v = Violation.on(template.owner()).failed(deprecated).delete(deprecated);
        if (name.isEmpty()) {
            return List.of(v.fix(template.specPath() + ".serviceAccountName", alias)
                    .message("uses the deprecated field serviceAccount; use serviceAccountName: " + alias)
                    .build());
        }
        return List.of(v.message("sets the deprecated field serviceAccount (" + alias + ") beside serviceAccountName ("
                + name + "), which wins; remove serviceAccount").build());
    }
}
