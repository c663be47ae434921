package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;

import java.util.Optional;

/**
 * A boolean flag that must hold {@code required}; {@code whenUnset} is what the binary does without it
 * ({@code --anonymous-auth} is true unless turned off, etcd's {@code --client-cert-auth} false unless turned on).
 * The last occurrence wins, as in Go's flag parsers.
 */
record BooleanFlag(String flag, boolean required, boolean whenUnset) implements FlagCheck {

    /** Must be {@code required}; unset passes until {@link #defaultingTo} says otherwise. */
    static BooleanFlag mustBe(String flag, boolean required) {
        return new BooleanFlag(flag, required, required);
    }

    BooleanFlag defaultingTo(boolean value) {
        return new BooleanFlag(flag, required, value);
    }

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        Optional<Flag> last = cmd.last(flag);
        if (last.isEmpty()) {
            if (whenUnset == required) return Optional.empty();
            return Optional.of(FlagFinding.missing("--" + flag + " is not set, so it is " + whenUnset + "; it should be " + required,
                    new FixPath(cmd.appendPath(0), "--" + flag + "=" + required)));
        }
        Flag f = last.get();
        Optional<Boolean> value = f.booleanValue();
        if (value.isPresent() && value.get() == required) return Optional.empty();
        String shown = value.map(String::valueOf).orElse("'" + f.inline() + "'");
        return Optional.of(FlagFinding.wrong("--" + flag + " is " + shown + "; it should be " + required,
                f.at().path(), f.rewrite(String.valueOf(required))));
    }
}
