package dev.kubeward.engine.scoring;

import dev.kubeward.engine.evaluation.ControlResult;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Kubescape's compliance score (SCORING.md): a control scores passed / evaluated × 100, excepted
 * resources counting as passed; a framework scores the unweighted mean of its applicable controls.
 * A control with nothing to evaluate is not applicable and left out of the mean (Kubescape scores it 0;
 * we say N/A, because a skipped control that drags the score down explains nothing).
 */
public final class ComplianceScore {

    private ComplianceScore() {
    }

    /** Score of one control from its counts; empty when nothing was evaluated. */
    public static OptionalDouble control(long passed, long excepted, long evaluated) {
        if (evaluated <= 0) return OptionalDouble.empty();
        return OptionalDouble.of(100.0 * (passed + excepted) / evaluated);
    }

    public static OptionalDouble control(ControlResult r) {
        if (!r.status().scored()) return OptionalDouble.empty();
        return control(r.passedCount(), r.exceptedCount(), r.evaluatedCount());
    }

    /** Mean of the applicable control scores; empty when no control applied. */
    public static OptionalDouble framework(Collection<OptionalDouble> controlScores) {
        return controlScores.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    }
}
