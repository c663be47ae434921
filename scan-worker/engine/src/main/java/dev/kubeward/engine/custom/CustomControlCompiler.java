package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates custom controls on save and compiles them into rules: every field checked, both expressions parsed
 * and type-checked (the check must be boolean, the message a string), and their estimated cost held to the
 * limit. Problems carry line, column and CEL's own message, so an editor can point at them.
 */
public final class CustomControlCompiler {

    /** Longer expressions are more likely a mistake than a control; CEL's own limit is 100,000 code points. */
    public static final int MAX_EXPRESSION_LENGTH = 10_000;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

    private final CostLimits limits;

    public CustomControlCompiler() {
        this(CostLimits.DEFAULTS);
    }

    public CustomControlCompiler(CostLimits limits) {
        this.limits = limits;
    }

    public CostLimits limits() {
        return limits;
    }

    /** Every problem of the control; empty when it can be saved. */
    public List<ExpressionProblem> problems(CustomControl control) {
        List<ExpressionProblem> problems = new ArrayList<>();
        if (!CustomControl.isCustomId(control.id())) {
            problems.add(new ExpressionProblem("id", 0, 0, "must be " + CustomControl.ID_PREFIX + "<slug> (lower-case letters, digits and '-')"));
        }
        if (control.name().isBlank()) problems.add(new ExpressionProblem("name", 0, 0, "must not be blank"));
        if (control.matchKinds().isEmpty()) problems.add(new ExpressionProblem("matchKinds", 0, 0, "name at least one kind, e.g. Deployment"));
        for (String kind : control.matchKinds()) {
            if (kind == null || !KIND.matcher(kind).matches()) {
                problems.add(new ExpressionProblem("matchKinds", 0, 0, "not a Kubernetes kind: '" + kind + "' (e.g. Pod, Deployment)"));
            }
        }
        selectorProblems(control.namespaceSelector(), problems);
        compile("expression", control.expression(), CelEnvironment.CHECK, problems);
        if (control.messageExpression() != null) compile("messageExpression", control.messageExpression(), CelEnvironment.MESSAGE, problems);
        return problems;
    }

    /** The control as a rule, ready to evaluate. */
    public CompiledCustomControl compile(CustomControl control) {
        List<ExpressionProblem> problems = new ArrayList<>();
        List<ExpressionProblem> all = problems(control);
        if (!all.isEmpty()) throw new InvalidCustomControlException(all);
        CelRuntime.Program check = program(compile("expression", control.expression(), CelEnvironment.CHECK, problems), CelEnvironment.CHECK);
        CelRuntime.Program message = control.messageExpression() == null ? null
                : program(compile("messageExpression", control.messageExpression(), CelEnvironment.MESSAGE, problems), CelEnvironment.MESSAGE);
        return new CompiledCustomControl(control, check, message, limits);
    }

    private CelAbstractSyntaxTree compile(String field, String expression, Cel cel, List<ExpressionProblem> problems) {
        if (expression == null || expression.isBlank()) {
            problems.add(new ExpressionProblem(field, 0, 0, "must not be blank"));
            return null;
        }
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            problems.add(new ExpressionProblem(field, 0, 0, "longer than " + MAX_EXPRESSION_LENGTH + " characters"));
            return null;
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = cel.compile(expression).getAst();
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                var at = issue.getSourceLocation();
                boolean known = at.getLine() > 0;
                problems.add(new ExpressionProblem(field, known ? at.getLine() : 0, known ? at.getColumn() + 1 : 0, issue.getMessage()));
            }
            return null;
        }
        long cost = CostEstimator.estimate(ast.getExpr());
        if (cost > limits.estimated()) {
            problems.add(new ExpressionProblem(field, 0, 0, "estimated cost " + (cost == Long.MAX_VALUE ? "unbounded" : cost)
                    + " exceeds the limit of " + limits.estimated()
                    + " (nested comprehensions multiply: each all/exists/map/filter is assumed to run over "
                    + CostEstimator.ASSUMED_LIST_SIZE + " elements)"));
            return null;
        }
        return ast;
    }

    private static CelRuntime.Program program(CelAbstractSyntaxTree ast, Cel cel) {
        try {
            return cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new InvalidCustomControlException(List.of(new ExpressionProblem("expression", 0, 0, e.getMessage())));
        }
    }

    private static void selectorProblems(JsonNode selector, List<ExpressionProblem> problems) {
        if (selector == null) return;
        if (!selector.isObject()) {
            problems.add(new ExpressionProblem("namespaceSelector", 0, 0, "must be a label selector {matchLabels, matchExpressions}"));
            return;
        }
        selector.fieldNames().forEachRemaining(f -> {
            if (!f.equals("matchLabels") && !f.equals("matchExpressions")) {
                problems.add(new ExpressionProblem("namespaceSelector", 0, 0, "unknown field '" + f + "' (matchLabels, matchExpressions)"));
            }
        });
        JsonNode labels = selector.path("matchLabels");
        if (!labels.isMissingNode() && !labels.isObject()) {
            problems.add(new ExpressionProblem("namespaceSelector", 0, 0, "matchLabels must be a map of label to value"));
        }
        JsonNode exprs = selector.path("matchExpressions");
        if (!exprs.isMissingNode() && !exprs.isArray()) {
            problems.add(new ExpressionProblem("namespaceSelector", 0, 0, "matchExpressions must be a list"));
            return;
        }
        for (JsonNode e : exprs) {
            if (e.path("key").asText("").isBlank() || !OPERATORS.contains(e.path("operator").asText())) {
                problems.add(new ExpressionProblem("namespaceSelector", 0, 0, "each match expression needs a key and an operator of " + OPERATORS));
            }
        }
    }
}
