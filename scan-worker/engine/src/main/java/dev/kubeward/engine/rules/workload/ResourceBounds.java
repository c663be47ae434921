package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.Quantity;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * C-0004 (memory) and C-0050 (cpu): every container sets a request and a limit for the resource, and each lies
 * within the tenant's bounds ({@code memory_request_min}, {@code cpu_limit_max}, … — an empty list is no bound).
 * A missing value gets a fix path; a value out of bounds is a failed path.
 */
final class ResourceBounds extends PodSpecRule {

    private final String resource;

    ResourceBounds(String name, String resource) {
        super(name);
        this.resource = resource;
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (PodTemplate.Container c : pod.containers()) {
            JsonNode resources = c.json().path("resources");
            check(c, "requests", resources.path("requests").path(resource), ctx.inputs(), finding);
            check(c, "limits", resources.path("limits").path(resource), ctx.inputs(), finding);
        }
    }

    private void check(PodTemplate.Container c, String kind, JsonNode value, ControlInputs inputs, Finding finding) {
        String path = c.path() + ".resources." + kind + "." + resource;
        String singular = kind.equals("requests") ? "request" : "limit";
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            finding.fix(path, "YOUR_VALUE")
                    .note("Container '" + c.name() + "' sets no " + resource + " " + singular);
            return;
        }
        Optional<BigDecimal> amount = Quantity.of(value);
        if (amount.isEmpty()) return;
        String input = resource + "_" + singular;
        if (below(amount.get(), inputs.list(input + "_min")) || above(amount.get(), inputs.list(input + "_max"))) {
            finding.failed(path)
                    .note("Container '" + c.name() + "' has a " + resource + " " + singular + " outside the allowed range");
        }
    }

    private static boolean below(BigDecimal amount, List<String> minimums) {
        return minimums.stream().map(Quantity::parse).flatMap(Optional::stream).anyMatch(min -> amount.compareTo(min) < 0);
    }

    private static boolean above(BigDecimal amount, List<String> maximums) {
        return maximums.stream().map(Quantity::parse).flatMap(Optional::stream).anyMatch(max -> amount.compareTo(max) > 0);
    }
}
