package dev.kubeward.api.vuln;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One image: its SBOM, packages, CVEs with fix versions and buckets, the workloads running it, and the upgrades that pay most. */
public record ImageDetail(ImageSummary image, SbomInfo sbom, List<Upgrade> upgrades, List<Vulnerability> vulnerabilities,
                          List<PackageInfo> packages, List<WorkloadUse> workloads) {

    /** The stored SBOM; {@code analyses} counts matching runs (one per advisory generation). */
    public record SbomInfo(String format, int components, String uploadedBy, Instant uploadedAt, Instant analysedAt, int analyses) {
    }

    /** A package of the SBOM; {@code ecosystem} null when we cannot match it (no or unknown purl). */
    public record PackageInfo(String name, String version, String purl, String ecosystem, int vulnerabilities) {
    }

    /** A CVE in a package of the image, with how its workloads were bucketed. */
    public record Vulnerability(String cve, String advisoryId, String ecosystem, String pkg, String version, String fixedVersion,
                                String severity, Double cvss, String kevDateAdded, Double epss, boolean rce, String summary,
                                ImageSummary.Buckets buckets) {
    }

    /** A container of a workload running the image. */
    public record WorkloadUse(UUID cluster, String clusterName, String cloud, String kind, String namespace, String name, String container,
                              String reference, Instant firstSeen) {
    }

    /** "Upgrade {@code pkg} to {@code to}: fixes N critical (M total) CVEs in W workloads." */
    public record Upgrade(String ecosystem, String pkg, String from, String to, int critical, int high, int cves, int workloads) {
    }
}
