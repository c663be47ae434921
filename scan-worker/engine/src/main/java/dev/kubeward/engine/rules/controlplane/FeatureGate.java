package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;
import dev.kubeward.engine.rules.controlplane.CommandLine.MapItem;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A feature gate in {@code --feature-gates=A=true,B=false} that must not be turned off. Gates merge over
 * repeated flags, later values winning; an absent gate keeps its default, which here is on.
 */
record FeatureGate(String gate) implements FlagCheck {

    private static final String FLAG = "feature-gates";

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        MapItem setting = cmd.mapItems(FLAG).get(gate);
        if (setting == null || CommandLine.parseBool(setting.value()).orElse(false)) return Optional.empty();
        Flag f = setting.setBy();
        String fixed = f.items().stream()
                .map(item -> item.startsWith(gate + "=") || item.equals(gate) ? gate + "=true" : item)
                .collect(Collectors.joining(","));
        return Optional.of(FlagFinding.wrong("feature gate " + gate + " is " + setting.value() + "; it should be true",
                f.at().path(), f.fix(fixed)));
    }
}
