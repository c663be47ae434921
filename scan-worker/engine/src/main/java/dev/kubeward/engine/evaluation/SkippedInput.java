package dev.kubeward.engine.evaluation;

/** Something the scan could not use, and why: a broken document, an object without kind, a rule that failed on an object. */
public record SkippedInput(String where, String reason) {
}
