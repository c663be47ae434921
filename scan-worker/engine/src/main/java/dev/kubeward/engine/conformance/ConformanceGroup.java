package dev.kubeward.engine.conformance;

import java.util.List;
import java.util.Optional;

/**
 * The groups of rules that docs/conformance.md reports on, each with its own page under docs/conformance/; a rule
 * belongs to the group of the package that implements it.
 */
public enum ConformanceGroup {

    SECURITY("Pod and container security context, host access, PSS/PSA/PSP admission", "security", "dev.kubeward.engine.rules.security"),
    WORKLOAD("Workload hygiene: registries, credentials, probes, limits, default namespace, service accounts", "workload",
            "dev.kubeward.engine.rules.workload"),
    HYGIENE("Resources, images, Agent Sandbox CRDs, dangling references", "hygiene", "dev.kubeward.engine.rules.hygiene"),
    NETWORK("Network policies, exposure, ingress, cluster-level (webhooks, PSA, etcd/audit/RBAC flags, CVEs)", "network",
            "dev.kubeward.engine.rules.network", "dev.kubeward.engine.rules.cluster"),
    CONTROL_PLANE("Control plane (API server, controller manager, scheduler, etcd flags)", "controlplane",
            "dev.kubeward.engine.rules.controlplane"),
    RBAC("RBAC (on the permission engine)", "rbac", "dev.kubeward.engine.rbac");

    private final String title;
    private final String page;
    private final List<String> packages;

    ConformanceGroup(String title, String page, String... packages) {
        this.title = title;
        this.page = page;
        this.packages = List.of(packages);
    }

    public String title() { return title; }

    /** The group's page, relative to docs/: {@code conformance/workload.md}. */
    public String page() { return "conformance/" + page + ".md"; }

    /** The page's name as the figures table links it: {@code workload}. */
    public String pageName() { return page; }

    /** The group of the class implementing a rule; empty for none of ours. */
    static Optional<ConformanceGroup> of(Class<?> ruleClass) {
        String pkg = ruleClass.getPackageName();
        for (ConformanceGroup g : values()) {
            if (g.packages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) return Optional.of(g);
        }
        return Optional.empty();
    }
}
