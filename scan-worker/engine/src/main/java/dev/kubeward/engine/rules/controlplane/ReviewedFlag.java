package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;

import java.util.Optional;

/**
 * A flag whose right value depends on the cluster ("set as appropriate"): a tool cannot judge it, so, as
 * Kubescape does, a set value is reported for a human to review, and an unset flag fails when the benchmark
 * asks for it to be set at all.
 */
record ReviewedFlag(String flag, boolean requiredWhenUnset, String placeholder) implements FlagCheck {

    /** Reported when set; fails when unset. */
    static ReviewedFlag required(String flag) {
        return new ReviewedFlag(flag, true, "YOUR_VALUE");
    }

    /** Reported when set; unset keeps the binary's default and passes. */
    static ReviewedFlag optional(String flag) {
        return new ReviewedFlag(flag, false, "YOUR_VALUE");
    }

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        return cmd.last(flag)
                .map(f -> FlagFinding.wrong("--" + flag + " is set to " + f.shown() + "; review that this value suits the cluster",
                        f.at().path(), null))
                .or(() -> requiredWhenUnset
                        ? Optional.of(FlagFinding.missing("--" + flag + " is not set",
                        new FixPath(cmd.appendPath(0), "--" + flag + "=" + placeholder)))
                        : Optional.empty());
    }
}
