package dev.kubeward.engine.vuln.feed;

import java.util.List;

/**
 * What an import changed. A re-import of the same bundle reports only {@code unchanged}.
 *
 * @param rejected files that were not valid OSV, with the reason, for the operator
 */
public record ImportResult(int added, int updated, int unchanged, List<String> rejected) {

    public ImportResult {
        rejected = List.copyOf(rejected);
    }

    public boolean changedAnything() {
        return added > 0 || updated > 0;
    }
}
