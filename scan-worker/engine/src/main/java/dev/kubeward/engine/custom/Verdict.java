package dev.kubeward.engine.custom;

/**
 * What a custom control says about one object. {@code message} is the finding's message on a failure, the
 * reason on an error or skip, empty on a pass; {@code cost} is the evaluated nodes it took.
 */
public record Verdict(Outcome outcome, String message, long cost) {

    public enum Outcome {
        /** The expression is true: the object complies. */
        PASS,
        /** The expression is false. */
        FAIL,
        /** The expression could not be evaluated on this object (a missing key without has(), a wrong type). */
        ERROR,
        /** The expression did more work than the runtime cost limit allows on this object. */
        COST_LIMIT_EXCEEDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static final String COST_LIMIT_MESSAGE = "skipped: cost limit exceeded";
}
