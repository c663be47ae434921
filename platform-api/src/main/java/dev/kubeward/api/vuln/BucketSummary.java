package dev.kubeward.api.vuln;

/**
 * The noise measured: CVE × workload pairs per bucket, and distinct CVEs counted once in their most urgent bucket.
 * {@code watchShare} is the fraction of pairs nobody needs to act on now (0..1; null when there are none).
 */
public record BucketSummary(ImageSummary.Buckets pairs, ImageSummary.Buckets cves, Double watchShare, int images, int imagesWithSbom,
                            long advisoryGeneration) {
}
