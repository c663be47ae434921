package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ObjectSkipped;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.LabelSelector;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom control compiled into a rule of the engine, named by the control's id. Every object of the matched
 * kinds (in namespaces its selector picks) is evaluated; a false expression is a violation with the message
 * expression's text (or the failed expression); an object the expression cannot judge — an error, or more work
 * than the runtime cost limit — is skipped with the reason, never passed and never a stalled scan.
 *
 * <p>NB: as for every rule, a Pod run by a controller in the snapshot is judged through that controller: a control
 * meant for workloads should match Deployment, StatefulSet, DaemonSet, Job and CronJob as well as Pod.
 */
public final class CompiledCustomControl implements ResourceRule {

    private final CustomControl control;
    private final CelRuntime.Program check;
    private final CelRuntime.Program message;
    private final CostLimits limits;
    private final Set<String> kinds;

    CompiledCustomControl(CustomControl control, CelRuntime.Program check, CelRuntime.Program message, CostLimits limits) {
        this.control = control;
        this.check = check;
        this.message = message;
        this.limits = limits;
        this.kinds = Set.copyOf(new LinkedHashSet<>(control.matchKinds()));
    }

    public CustomControl control() {
        return control;
    }

    @Override
    public String name() {
        return control.id();
    }

    @Override
    public Set<String> kinds() {
        return kinds;
    }

    @Override
    public boolean appliesTo(KubeObject object, RuleContext ctx) {
        JsonNode selector = control.namespaceSelector();
        if (selector == null) return true;
        if ("Namespace".equals(object.kind())) return LabelSelector.selects(selector, object.labels());
        if (object.namespace() == null || object.namespace().isEmpty()) return true; // cluster-scoped: the selector does not apply
        return LabelSelector.selects(selector, namespaceOf(object, ctx.index()).path("metadata").path("labels"));
    }

    @Override
    public List<Violation> check(KubeObject object, RuleContext ctx) {
        Verdict v = evaluate(object.json(), namespaceOf(object, ctx.index()));
        return switch (v.outcome()) {
            case PASS -> List.of();
            case FAIL -> List.of(Violation.on(object).message(v.message()).build());
            case COST_LIMIT_EXCEEDED -> throw new ObjectSkipped(Verdict.COST_LIMIT_MESSAGE + " (" + control.id() + ", limit " + limits.runtime() + ")");
            case ERROR -> throw new ObjectSkipped("skipped: " + control.id() + " could not evaluate: " + v.message());
        };
    }

    /** Judges one object given as JSON; {@code namespaceObject} may be null or missing (cluster-scoped, unknown). */
    public Verdict evaluate(JsonNode object, JsonNode namespaceObject) {
        Map<String, Object> vars = Map.of(CelEnvironment.OBJECT, CelValues.map(object),
                CelEnvironment.NAMESPACE_OBJECT, CelValues.map(namespaceObject));
        Budget budget = new Budget(limits.runtime());
        Object result;
        try {
            result = check.trace(vars, budget);
        } catch (CelEvaluationException | RuntimeException e) {
            if (Budget.exceeded(e)) return new Verdict(Verdict.Outcome.COST_LIMIT_EXCEEDED, Verdict.COST_LIMIT_MESSAGE, budget.spent);
            return new Verdict(Verdict.Outcome.ERROR, describe(e), budget.spent);
        }
        if (budget.spent > budget.limit) { // an error absorbed by && or || must not turn into a verdict
            return new Verdict(Verdict.Outcome.COST_LIMIT_EXCEEDED, Verdict.COST_LIMIT_MESSAGE, budget.spent);
        }
        if (result instanceof Boolean passed) {
            return passed ? new Verdict(Verdict.Outcome.PASS, "", budget.spent) : new Verdict(Verdict.Outcome.FAIL, message(vars), budget.spent);
        }
        if (result instanceof CelUnknownSet) return new Verdict(Verdict.Outcome.ERROR, "the expression refers to values that are not known", budget.spent);
        return new Verdict(Verdict.Outcome.ERROR, "the expression must evaluate to a bool, not " + typeOf(result), budget.spent);
    }

    /** The message expression's text; the failed expression when there is none or it cannot be evaluated (as Kubernetes does). */
    private String message(Map<String, Object> vars) {
        String fallback = "failed expression: " + control.expression().strip();
        if (message == null) return fallback;
        try {
            Object text = message.trace(vars, new Budget(limits.runtime()));
            return text instanceof String s && !s.isBlank() ? s.strip() : fallback;
        } catch (CelEvaluationException | RuntimeException e) {
            return fallback;
        }
    }

    private static JsonNode namespaceOf(KubeObject object, SnapshotIndex index) {
        if (object.namespace() == null || object.namespace().isEmpty()) return MissingNode.getInstance();
        return index.find("Namespace", null, object.namespace()).map(KubeObject::json).orElse(MissingNode.getInstance());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // CEL names the source "<input>"; the user wrote "expression"
        return m.replace("evaluation error at <input>", "evaluation error at expression");
    }

    private static String typeOf(Object value) {
        if (value == null) return "null";
        if (value instanceof Map) return "a map";
        if (value instanceof Collection) return "a list";
        if (value instanceof String) return "a string";
        if (value instanceof Number) return "a number";
        return value.getClass().getSimpleName();
    }

    /**
     * Counts evaluated nodes and stops the evaluation once over the limit. A {@code +} that builds a list, map or
     * string also pays for its size, so an expression cannot build huge values in a few steps.
     */
    private static final class Budget implements CelEvaluationListener {
        private final long limit;
        long spent;

        Budget(long limit) {
            this.limit = limit;
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            spent++;
            if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && "_+_".equals(expr.call().function())) {
                if (result instanceof Collection<?> c) spent += c.size();
                else if (result instanceof Map<?, ?> m) spent += m.size();
                else if (result instanceof String s) spent += s.length() / 16;
            }
            if (spent > limit) throw Exceeded.INSTANCE;
        }

        static boolean exceeded(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t == Exceeded.INSTANCE) return true;
            }
            return false;
        }
    }

    /** Thrown through CEL's interpreter to stop it; stackless, it costs nothing to throw. */
    private static final class Exceeded extends RuntimeException {
        static final Exceeded INSTANCE = new Exceeded();

        private Exceeded() {
            super("cost limit exceeded", null, false, false);
        }
    }
}
