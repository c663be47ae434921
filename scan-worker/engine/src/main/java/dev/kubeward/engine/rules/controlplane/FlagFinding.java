package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.FixPath;

import java.util.List;

/** What a {@link FlagCheck} found wrong on one command line: a message, the entries at fault and the fixes. */
record FlagFinding(String message, List<String> failedPaths, List<FixPath> fixes, List<String> deletePaths) {

    FlagFinding {
        failedPaths = List.copyOf(failedPaths);
        fixes = List.copyOf(fixes);
        deletePaths = List.copyOf(deletePaths);
    }

    /** A flag that is set wrongly: the entry failed, and a new value for it. */
    static FlagFinding wrong(String message, String failedPath, FixPath fix) {
        return new FlagFinding(message, List.of(failedPath), fix == null ? List.of() : List.of(fix), List.of());
    }

    /** A flag that is missing: nothing to point at, only an entry to add. */
    static FlagFinding missing(String message, FixPath fix) {
        return new FlagFinding(message, List.of(), List.of(fix), List.of());
    }
}
