package dev.kubeward.engine.vuln.osv;

import dev.kubeward.engine.vuln.Ecosystem;
import java.util.List;

/**
 * One {@code affected[]} entry.
 *
 * @param release the distribution release from the ecosystem suffix, normalised ({@code ""} for all releases)
 */
public record AffectedPackage(Ecosystem ecosystem, String release, String name, String purl, List<Range> ranges,
                              List<String> versions) {

    public AffectedPackage {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
