package dev.kubeward.api.compliance;

/**
 * "Why is this 72%?": score = sum of applicable control scores / applicable controls. Not-applicable
 * controls (nothing to evaluate, external data, manual) are left out of the mean.
 */
public record Formula(int applicableControls, int notApplicableControls, double sumOfControlScores, Double score, String text) {
}
