package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A single-valued flag whose value must satisfy a condition; {@code expectation} says which, for people.
 * {@code whenUnset} is the binary's default (null when it has none worth trusting, so that leaving the flag out
 * fails); the last occurrence wins.
 */
record ScalarFlag(String flag, Predicate<String> acceptable, String expectation, String suggested, String whenUnset)
        implements FlagCheck {

    static ScalarFlag mustBe(String flag, String wanted) {
        return new ScalarFlag(flag, wanted::equals, "it should be " + wanted, wanted, null);
    }

    static ScalarFlag mustNotBe(String flag, String forbidden, String suggested) {
        return new ScalarFlag(flag, v -> !v.equals(forbidden), "it must not be " + forbidden, suggested, null);
    }

    static ScalarFlag mustBeAtLeast(String flag, long minimum) {
        return new ScalarFlag(flag, v -> atLeast(v, minimum), "it should be at least " + minimum, String.valueOf(minimum), null);
    }

    static ScalarFlag mustBeLoopback(String flag) {
        return new ScalarFlag(flag, Addresses::isLoopback, "it should be a loopback address such as 127.0.0.1", "127.0.0.1", null);
    }

    ScalarFlag defaultingTo(String value) {
        return new ScalarFlag(flag, acceptable, expectation, suggested, value);
    }

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        Optional<Flag> last = cmd.last(flag);
        if (last.isEmpty()) {
            if (whenUnset != null && acceptable.test(whenUnset)) return Optional.empty();
            String what = whenUnset == null ? "--" + flag + " is not set" : "--" + flag + " is not set, so it is " + whenUnset;
            return Optional.of(FlagFinding.missing(what + "; " + expectation,
                    new FixPath(cmd.appendPath(0), "--" + flag + "=" + suggested)));
        }
        Flag f = last.get();
        if (acceptable.test(f.value())) return Optional.empty();
        return Optional.of(FlagFinding.wrong("--" + flag + " is " + f.shown() + "; " + expectation,
                f.at().path(), f.fix(suggested)));
    }

    private static boolean atLeast(String value, long minimum) {
        try {
            return Long.parseLong(value.strip()) >= minimum;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
