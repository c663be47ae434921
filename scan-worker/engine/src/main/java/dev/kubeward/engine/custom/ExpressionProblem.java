package dev.kubeward.engine.custom;

/**
 * Why an expression was rejected: which field ({@code expression}, {@code messageExpression}, or another
 * field of the control), where (1-based line and column; 0 when the problem has no position) and CEL's message.
 */
public record ExpressionProblem(String field, int line, int column, String message) {

    /** {@code expression:2:7: undeclared reference to 'obj'}. */
    public String display() {
        return line > 0 ? field + ":" + line + ":" + column + ": " + message : field + ": " + message;
    }
}
