package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One benchmark item on a control-plane binary's flags: the pods that run {@code component} are evaluated
 * against {@code check}. A snapshot rule, not a per-Pod rule, so that only those pods count as evaluated:
 * a cluster without visible control-plane pods evaluates nothing and the control is not applicable.
 */
record ComponentFlagRule(String name, ControlPlaneComponent component, FlagCheck check) implements SnapshotRule {

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (KubeObject pod : component.pods(ctx.index())) {
            evaluated.add(pod.ref());
            check.check(component.commandLine(pod)).ifPresent(f -> violations.add(violation(pod, f)));
        }
        return new RuleOutcome(evaluated, violations);
    }

    private Violation violation(KubeObject pod, FlagFinding finding) {
        Violation.Builder b = Violation.on(pod).message(component.binary() + ": " + finding.message());
        finding.failedPaths().forEach(b::failed);
        finding.fixes().forEach(f -> b.fix(f.path(), f.value()));
        finding.deletePaths().forEach(b::delete);
        return b.build();
    }
}
