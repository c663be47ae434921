package dev.kubeward.api.vuln;

import java.time.Instant;
import java.util.List;

/**
 * One image as the list shows it: where it runs, and what matching and prioritisation found.
 *
 * @param image      the digest when resolved, else the reference
 * @param cves       distinct CVEs by severity: critical, high, medium, low, unknown
 * @param buckets    CVE × workload pairs per bucket: act now, plan, watch
 */
public record ImageSummary(String image, String digest, List<String> references, List<String> clusters, List<String> clouds,
                           List<String> namespaces, int workloads, Instant firstSeen, Instant lastSeen, boolean sbom, Instant analysedAt,
                           Severities cves, int fixable, int exploited, Buckets buckets) {

    /** Distinct CVEs per severity. */
    public record Severities(int critical, int high, int medium, int low, int unknown) {
        public int total() {
            return critical + high + medium + low + unknown;
        }
    }

    /** Counts per bucket. */
    public record Buckets(int actNow, int plan, int watch) {
        public int total() {
            return actNow + plan + watch;
        }
    }
}
