package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.Quantity;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C-0303: every container of a SandboxTemplate has a CPU (or memory) limit, at most the ceiling configured in
 * {@code sandbox_cpu_limit_max} ({@code sandbox_memory_limit_max}). Two declarative entries. Quantities are
 * compared exactly ({@link Quantity}); with several ceilings configured, the lowest applies.
 */
final class SandboxResourceCeilingRule implements ResourceRule {

    private final String name;
    private final String resource;
    private final String ceilingInput;

    private SandboxResourceCeilingRule(String name, String resource, String ceilingInput) {
        this.name = name;
        this.resource = resource;
        this.ceilingInput = ceilingInput;
    }

    static SandboxResourceCeilingRule cpu() {
        return new SandboxResourceCeilingRule("resources-sandbox-cpu-limits", "cpu", "sandbox_cpu_limit_max");
    }

    static SandboxResourceCeilingRule memory() {
        return new SandboxResourceCeilingRule("resources-sandbox-memory-limits", "memory", "sandbox_memory_limit_max");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return SandboxTemplates.KINDS;
    }

    @Override
    public List<Violation> check(KubeObject template, RuleContext ctx) {
        Optional<Ceiling> ceiling = lowestCeiling(ctx.inputs().list(ceilingInput));
        Violation.Builder v = Violation.on(template);
        List<String> problems = new ArrayList<>();
        for (PodTemplate.Container c : SandboxTemplates.podTemplate(template).containers()) {
            String path = c.path() + ".resources.limits." + resource;
            JsonNode limit = c.json().path("resources").path("limits").path(resource);
            if (limit.isMissingNode() || limit.isNull() || limit.asText().isEmpty()) {
                v.fix(path, ceiling.map(Ceiling::text).orElse("YOUR_VALUE"));
                problems.add("container " + c.name() + " has no " + resource + " limit");
                continue;
            }
            if (ceiling.isEmpty()) continue;
            Optional<BigDecimal> value = Quantity.of(limit);
            if (value.isEmpty()) {
                v.failed(path);
                problems.add("container " + c.name() + " has an invalid " + resource + " limit " + limit.asText());
            } else if (Quantity.exceeds(value.get(), ceiling.get().value())) {
                v.failed(path);
                problems.add("container " + c.name() + " has a " + resource + " limit of " + limit.asText()
                        + ", above the ceiling of " + ceiling.get().text());
            }
        }
        return v.message(SandboxTemplates.describe(template) + ": " + String.join("; ", problems)).buildIfAny();
    }

    private record Ceiling(String text, BigDecimal value) {
    }

    private static Optional<Ceiling> lowestCeiling(List<String> configured) {
        Ceiling lowest = null;
        for (String text : configured) {
            Optional<BigDecimal> value = Quantity.parse(text.trim());
            if (value.isPresent() && (lowest == null || value.get().compareTo(lowest.value()) < 0)) {
                lowest = new Ceiling(text.trim(), value.get());
            }
        }
        return Optional.ofNullable(lowest);
    }
}
