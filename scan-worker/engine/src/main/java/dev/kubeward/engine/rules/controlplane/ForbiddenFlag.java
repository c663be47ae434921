package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;

import java.util.List;
import java.util.Optional;

/** A flag that must not be set at all, such as {@code --token-auth-file}: every occurrence fails and is deleted. */
record ForbiddenFlag(String flag) implements FlagCheck {

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        List<Flag> all = cmd.all(flag);
        if (all.isEmpty()) return Optional.empty();
        return Optional.of(new FlagFinding("--" + flag + " is set; remove it",
                all.stream().map(f -> f.at().path()).toList(), List.of(),
                all.stream().flatMap(f -> f.entries().stream()).toList()));
    }
}
