package dev.kubeward.api.seed;

/**
 * What {@link LoadSeeder} generates: {@code clusters} clusters of one tenant with about {@code findings}
 * findings in all, {@code days} daily scans of history each. The same seed gives the same data.
 */
public record SeedPlan(String tenantSlug, int clusters, int findings, int days, long seed) {

    public SeedPlan {
        if (clusters < 1 || findings < 0 || days < 1) throw new IllegalArgumentException("clusters >= 1, findings >= 0, days >= 1");
    }

    /** Workloads per cluster: about 20 findings each, as real Deployments fail about that many controls. */
    int workloadsPerCluster() {
        return Math.max(10, (int) Math.ceil(findings / (double) clusters / 20.0));
    }
}
