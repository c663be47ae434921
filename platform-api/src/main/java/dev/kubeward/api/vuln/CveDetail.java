package dev.kubeward.api.vuln;

import java.util.List;
import java.util.UUID;

/** One CVE across the tenant: what the advisories say, and every affected workload in every cluster with its bucket and why. */
public record CveDetail(String cve, String severity, Double cvss, String kevDateAdded, Double epss, boolean rce, String summary,
                        List<Affected> packages, List<AffectedWorkload> workloads, ImageSummary.Buckets buckets) {

    /** An affected package in an image. */
    public record Affected(String digest, String advisoryId, String ecosystem, String pkg, String version, String fixedVersion) {
    }

    /** An affected workload; the first reason is the rule that decided the bucket. */
    public record AffectedWorkload(UUID cluster, String clusterName, String cloud, String kind, String namespace, String name, String digest,
                                   String bucket, List<String> reasons, String fixedVersion) {
    }
}
