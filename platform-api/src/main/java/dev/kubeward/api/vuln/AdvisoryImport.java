package dev.kubeward.api.vuln;

import java.util.List;

/**
 * What one advisory import changed. A re-import of the same files reports only {@code unchanged} and
 * {@code changed == false}; the generation then stays as it was and no image is analysed again.
 *
 * @param rejected files that were not valid, with the reason (first 100)
 */
public record AdvisoryImport(int added, int updated, int unchanged, List<String> rejected, String kev, String epss, boolean changed,
                             long generation) {

    public AdvisoryImport {
        rejected = List.copyOf(rejected);
    }
}
