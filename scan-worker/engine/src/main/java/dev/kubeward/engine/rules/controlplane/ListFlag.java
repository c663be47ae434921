package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A comma-separated list flag ({@code --enable-admission-plugins}, {@code --authorization-mode},
 * {@code --tls-cipher-suites}) that must include one of some items, exclude some, or use only allowed ones.
 * Repeated occurrences add up, as pflag's string slices do. {@code whenUnset} is the list in effect without
 * the flag ({@code [AlwaysAllow]} for {@code --authorization-mode}); null when the flag must be set.
 */
record ListFlag(String flag, Mode mode, List<String> values, List<String> whenUnset, String suggestion) implements FlagCheck {

    enum Mode { INCLUDE_ONE_OF, EXCLUDE, ONLY }

    /** Must include at least one of {@code accepted}; the first is the one suggested. Unset means an empty list. */
    static ListFlag mustInclude(String flag, String... accepted) {
        return new ListFlag(flag, Mode.INCLUDE_ONE_OF, List.of(accepted), List.of(), null);
    }

    /** Must include none of {@code forbidden}. Unset means an empty list. */
    static ListFlag mustExclude(String flag, String... forbidden) {
        return new ListFlag(flag, Mode.EXCLUDE, List.of(forbidden), List.of(), null);
    }

    /** Must be set, to items of {@code allowed} only. */
    static ListFlag mustOnlyUse(String flag, List<String> allowed) {
        return new ListFlag(flag, Mode.ONLY, List.copyOf(allowed), null, null);
    }

    /** The list the binary uses when the flag is not set. */
    ListFlag defaultingTo(String... items) {
        return new ListFlag(flag, mode, values, List.of(items), suggestion);
    }

    /** Leaving the flag out fails, whatever the default. */
    ListFlag requiredToBeSet() {
        return new ListFlag(flag, mode, values, null, suggestion);
    }

    /** The value proposed when the flag has to be written from scratch. */
    ListFlag suggesting(String value) {
        return new ListFlag(flag, mode, values, whenUnset, value);
    }

    @Override
    public Optional<FlagFinding> check(CommandLine cmd) {
        List<Flag> all = cmd.all(flag);
        if (all.isEmpty()) return checkUnset(cmd);
        List<String> items = cmd.items(flag);
        if (!fails(items)) return Optional.empty();
        String message = "--" + flag + " " + problem(items);
        if (mode == Mode.INCLUDE_ONE_OF) {
            Flag last = all.get(all.size() - 1);
            List<String> fixed = new ArrayList<>(last.items());
            fixed.add(values.get(0));
            return Optional.of(FlagFinding.wrong(message, last.at().path(), last.fix(String.join(",", fixed))));
        }
        List<String> failed = new ArrayList<>();
        List<FixPath> fixes = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Flag f : all) {
            List<String> kept = f.items().stream().filter(this::allowed).toList();
            if (kept.size() == f.items().size()) continue;
            failed.add(f.at().path());
            if (!kept.isEmpty()) fixes.add(f.fix(String.join(",", kept)));
            else freshValue().ifPresentOrElse(v -> fixes.add(f.fix(v)), () -> deletes.addAll(f.entries()));
        }
        return Optional.of(new FlagFinding(message, failed, fixes, deletes));
    }

    private Optional<FlagFinding> checkUnset(CommandLine cmd) {
        if (whenUnset != null && !fails(whenUnset)) return Optional.empty();
        String message = "--" + flag + " is not set";
        if (whenUnset != null && !whenUnset.isEmpty()) {
            message += ", so it is " + String.join(",", whenUnset) + ", which " + problem(whenUnset);
        }
        List<FixPath> fix = freshValue().map(v -> List.of(new FixPath(cmd.appendPath(0), "--" + flag + "=" + v))).orElse(List.of());
        return Optional.of(new FlagFinding(message, List.of(), fix, List.of()));
    }

    private boolean fails(List<String> items) {
        return switch (mode) {
            case INCLUDE_ONE_OF -> items.stream().noneMatch(values::contains);
            case EXCLUDE, ONLY -> !items.stream().allMatch(this::allowed);
        };
    }

    private boolean allowed(String item) {
        return mode == Mode.ONLY ? values.contains(item) : !values.contains(item);
    }

    private String problem(List<String> items) {
        if (mode == Mode.INCLUDE_ONE_OF) {
            return "does not include " + String.join(" or ", values);
        }
        String offending = String.join(", ", items.stream().filter(i -> !allowed(i)).toList());
        return mode == Mode.ONLY ? "includes " + offending + ", which " + (offending.contains(",") ? "are" : "is") + " not allowed"
                : "includes " + offending;
    }

    /** A whole new value for the flag; none for an exclusion without a suggestion (deleting the flag fixes it). */
    private Optional<String> freshValue() {
        if (suggestion != null) return Optional.of(suggestion);
        return switch (mode) {
            case INCLUDE_ONE_OF -> Optional.of(values.get(0));
            case ONLY -> Optional.of(String.join(",", values));
            case EXCLUDE -> Optional.empty();
        };
    }
}
