package dev.kubeward.api.custom;

import dev.kubeward.engine.custom.ExpressionProblem;

import java.util.List;

/**
 * What an expression says about a sample: {@code pass}, {@code fail} (with the finding's message) or {@code error}
 * (the expression does not compile — see {@code problems}, with line and column — or cannot be evaluated on this
 * object, or exceeds the cost limit). {@code cost} is the nodes evaluated.
 */
public record TestResult(String outcome, String message, long cost, List<ExpressionProblem> problems) {
}
