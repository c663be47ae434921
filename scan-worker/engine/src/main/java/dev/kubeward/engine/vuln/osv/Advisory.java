package dev.kubeward.engine.vuln.osv;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One OSV record, reduced to what matching and prioritisation need.
 *
 * @param cvssV3           the CVSS v3.x base vector from {@code severity[]}, or null
 * @param severityLabel    a textual severity from {@code database_specific.severity} (e.g. {@code HIGH}), or null
 */
public record Advisory(String id, String modified, List<String> aliases, String summary,
                       List<AffectedPackage> affected, String cvssV3, String severityLabel) {

    public Advisory {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** The CVE this advisory is about: its own id if a CVE, else the first CVE alias. */
    public Optional<String> cve() {
        return Stream.concat(Stream.of(id), aliases.stream()).filter(a -> a.startsWith("CVE-")).findFirst();
    }
}
