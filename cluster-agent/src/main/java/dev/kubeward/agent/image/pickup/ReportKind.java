package dev.kubeward.agent.image.pickup;

/**
 * The reports the pick-up reads, in the order it reads them: SBOMs first, then the partial ones (Kubescape's
 * filtered SBOM lists only the packages a workload was seen loading, a vulnerability report only the vulnerable
 * ones), which are sent only for a digest no full SBOM covered. The Helm chart grants {@code get, list} (no watch: pick-up lists on its interval) on
 * exactly these resources when {@code sbomPickup.enabled} (AgentChartTest keeps the two equal).
 */
public enum ReportKind {
    SBOM_REPORT(Source.TRIVY, "sbomreports", "SbomReport", true, new TrivySbomReports()),
    CLUSTER_SBOM_REPORT(Source.TRIVY, "clustersbomreports", "ClusterSbomReport", false, new TrivySbomReports()),
    SBOM_SYFT(Source.KUBESCAPE, "sbomsyfts", "SBOMSyft", true, KubescapeSboms.syft()),
    SBOM_SPDX(Source.KUBESCAPE, "sbomspdxv2p3s", "SBOMSPDXv2p3", true, KubescapeSboms.spdx()),
    SBOM_SYFT_FILTERED(Source.KUBESCAPE, "sbomsyftfiltereds", "SBOMSyftFiltered", true, KubescapeSboms.syft()),
    VULNERABILITY_REPORT(Source.TRIVY, "vulnerabilityreports", "VulnerabilityReport", true, new TrivyVulnerabilityReports());

    /** Who wrote the report: the API group and version it is served under, and the SBOM's {@code kubeward:source}. */
    enum Source {
        TRIVY("trivy-operator", "aquasecurity.github.io", "v1alpha1"),
        KUBESCAPE("kubescape", "spdx.softwarecomposition.kubescape.io", "v1beta1");

        final String tool;
        final String group;
        final String version;

        Source(String tool, String group, String version) {
            this.tool = tool;
            this.group = group;
            this.version = version;
        }
    }

    private final Source source;
    private final String resource;
    private final String kind;
    private final boolean namespaced;
    private final ReportFormat format;

    ReportKind(Source source, String resource, String kind, boolean namespaced, ReportFormat format) {
        this.source = source;
        this.resource = resource;
        this.kind = kind;
        this.namespaced = namespaced;
        this.format = format;
    }

    public String group() {
        return source.group;
    }

    public String version() {
        return source.version;
    }

    /** The plural name in URLs and RBAC rules. */
    public String resource() {
        return resource;
    }

    public String kind() {
        return kind;
    }

    String tool() {
        return source.tool;
    }

    ReportFormat format() {
        return format;
    }

    /** Every report of this kind, cluster-wide. */
    String listPath() {
        return "/apis/" + group() + "/" + version() + "/" + resource;
    }

    String path(String namespace, String name) {
        String base = "/apis/" + group() + "/" + version();
        return (namespaced ? base + "/namespaces/" + namespace : base) + "/" + resource + "/" + name;
    }
}
