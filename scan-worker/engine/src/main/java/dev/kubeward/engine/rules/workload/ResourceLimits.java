package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

/** C-0009: every container sets both a cpu and a memory limit, so one container cannot starve its node. */
final class ResourceLimits extends PodSpecRule {

    ResourceLimits() {
        super("resource-policies");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (PodTemplate.Container c : pod.containers()) {
            JsonNode limits = c.json().path("resources").path("limits");
            boolean missing = false;
            for (String resource : new String[] {"cpu", "memory"}) {
                JsonNode v = limits.path(resource);
                if (v.isMissingNode() || v.isNull() || v.asText().isEmpty()) {
                    finding.fix(c.path() + ".resources.limits." + resource, "YOUR_VALUE");
                    missing = true;
                }
            }
            if (missing) finding.note("Container '" + c.name() + "' has no cpu or memory limit");
        }
    }
}
