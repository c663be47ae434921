package dev.kubeward.api.exception;

import dev.kubeward.api.exception.internal.ExceptedFindings.ControlCounts;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A framework's compliance score from its controls' counts, excepted resources counting as passed
 * (SCORING.md; the same arithmetic as the engine's {@code ComplianceScore}, which the worker used before any
 * exception applied). Only passed and failed controls are scored; a control whose every failure is excepted
 * counts as passed.
 */
public record FrameworkScore(Double score, int passed, int failed) {

    public static FrameworkScore of(List<ControlCounts> controls) {
        int passed = 0, failed = 0;
        double sum = 0;
        int scored = 0;
        for (ControlCounts c : controls) {
            if (!"passed".equals(c.status()) && !"failed".equals(c.status())) continue;
            OptionalDouble s = control(c.passed(), c.failed(), c.excepted());
            if (s.isEmpty()) continue;
            sum += s.getAsDouble();
            scored++;
            if (c.failed() - c.excepted() <= 0) passed++;
            else failed++;
        }
        return new FrameworkScore(scored == 0 ? null : Math.round(sum / scored * 100.0) / 100.0, passed, failed);
    }

    /** passed-or-excepted / evaluated × 100; empty when nothing was evaluated. */
    public static OptionalDouble control(int passed, int failed, int excepted) {
        int evaluated = passed + failed;
        if (evaluated <= 0) return OptionalDouble.empty();
        return OptionalDouble.of(100.0 * (passed + Math.min(excepted, failed)) / evaluated);
    }
}
