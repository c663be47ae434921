package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

/** C-0018 and C-0056: every (regular) container declares a readiness, respectively liveness, probe. */
final class ProbeConfigured extends PodSpecRule {

    private final String probe;

    ProbeConfigured(String name, String probe) {
        super(name);
        this.probe = probe;
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (PodTemplate.Container c : pod.containers()) {
            var p = c.json().path(probe);
            if (p.isMissingNode() || p.isNull()) {
                finding.fix(c.path() + "." + probe, "YOUR_VALUE")
                        .note("Container '" + c.name() + "' has no " + probe);
            }
        }
    }
}
