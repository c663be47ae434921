package dev.kubeward.api.compliance;

/** A control's status, counts and compliance score (null when not applicable). */
public record ControlScore(String status, long failed, long passed, long excepted, long evaluated, Double score) {

    public static ControlScore of(ControlTally t) {
        return new ControlScore(t.status(), t.failed(), t.passed(), t.excepted(), t.evaluated(), Scores.round(t.score()));
    }
}
