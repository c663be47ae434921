package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags that must be set to a non-empty value, such as a certificate and its key. The value itself (a file
 * on the node) cannot be checked from the API; each missing flag gets a placeholder entry appended.
 */
record RequiredFlags(Map<String, String> placeholders) implements FlagCheck {

    static RequiredFlags of(String flag, String placeholder) {
        return new RequiredFlags(Map.of(flag, placeholder));
    }

    static RequiredFlags of(String flag, String placeholder, String otherFlag, String otherPlaceholder) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(flag, placeholder);
        m.put(otherFlag, otherPlaceholder);
        return new RequiredFlags(m);
    }

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        List<String> missing = new ArrayList<>();
        List<FixPath> fixes = new ArrayList<>();
        placeholders.forEach((flag, placeholder) -> {
            if (cmd.last(flag).map(f -> f.value().isBlank()).orElse(true)) {
                fixes.add(new FixPath(cmd.appendPath(missing.size()), "--" + flag + "=" + placeholder));
                missing.add("--" + flag);
            }
        });
        if (missing.isEmpty()) return Optional.empty();
        String message = String.join(" and ", missing) + (missing.size() == 1 ? " is not set" : " are not set");
        return Optional.of(new FlagFinding(message, List.of(), fixes, List.of()));
    }
}
