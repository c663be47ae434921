package dev.kubeward.agent.image.pickup;

/**
 * How large a report the pick-up reads. Reports are written by other tools and can be large (a Kubescape SBOM
 * of a big image runs to tens of MiB, most of it file lists that are skipped while parsing); a report over a
 * limit is skipped with a warning, never cut short: a truncated SBOM would hide packages.
 *
 * @param maxReportBytes one report as the API server sends it
 * @param maxComponents  distinct packages of one SBOM (the platform takes documents up to 16 MiB)
 */
public record PickupLimits(long maxReportBytes, int maxComponents) {

    public static final PickupLimits DEFAULT = new PickupLimits(32L * 1024 * 1024, 20_000);

    public PickupLimits {
        if (maxReportBytes <= 0 || maxComponents <= 0) throw new IllegalArgumentException("pick-up limits must be positive");
    }
}
