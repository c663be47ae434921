package dev.kubeward.agent.collect;

import java.util.List;

/**
 * One kind the agent collects: its API group, the versions to try (preferred first; a server that serves
 * none of them lacks the kind), the plural resource name used in URLs and RBAC rules, and how to list it.
 *
 * @param metadataOnly list with metadata-only content negotiation and never keep the values (Secrets)
 * @param watched      a change to this kind triggers a debounced re-snapshot (high-churn kinds are not watched)
 */
public record KindSpec(String group, List<String> versions, String resource, String kind, boolean namespaced,
                       boolean metadataOnly, boolean watched) {

    public KindSpec {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) throw new IllegalArgumentException("no version for " + kind);
    }

    public String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
    public String basePath(String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    /** The path of the collection, cluster-wide ({@code namespace == null}) or in one namespace. */
    public String listPath(String version, String namespace) {
        return namespace == null
                ? basePath(version) + "/" + resource
                : basePath(version) + "/namespaces/" + namespace + "/" + resource;
    }

    /** e.g. {@code apps/deployments}, {@code core/secrets}: how logs and metrics name the kind. */
    public String label() {
        return (group.isEmpty() ? "core" : group) + "/" + resource;
    }
}
