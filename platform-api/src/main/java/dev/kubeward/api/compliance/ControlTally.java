package dev.kubeward.api.compliance;

import java.util.Collection;

/**
 * Resource counts behind one control's compliance score (SCORING.md): score = (passed + excepted) /
 * (failed + passed + excepted) × 100; excepted (accepted-risk) resources count as passed. A control with
 * nothing evaluated is not applicable: no score, left out of framework means.
 *
 * @param status failed, passed, not-applicable, requires-external-data, manual or not-evaluated
 */
public record ControlTally(String status, long failed, long passed, long excepted) {

    public static final ControlTally NONE = new ControlTally("not-applicable", 0, 0, 0);

    public long evaluated() {
        return failed + passed + excepted;
    }

    public boolean applicable() {
        return evaluated() > 0;
    }

    /** Percentage, or null when not applicable. */
    public Double score() {
        return applicable() ? 100.0 * (passed + excepted) / evaluated() : null;
    }

    /** Counts summed over clusters; failed if any resource failed, passed if something was evaluated. */
    public static ControlTally sum(Collection<ControlTally> tallies) {
        long f = 0, p = 0, e = 0;
        String other = null;
        for (ControlTally t : tallies) {
            f += t.failed;
            p += t.passed;
            e += t.excepted;
            if (other == null || "not-applicable".equals(other)) other = t.status;
        }
        String status = f > 0 ? "failed" : p + e > 0 ? "passed" : other == null ? "not-applicable" : other;
        return new ControlTally(status, f, p, e);
    }
}
