package dev.kubeward.api.finding;

import io.swagger.v3.oas.annotations.Parameter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The query parameters of a {@link FindingFilter}, shared by the findings list, groups and exports. */
public record FindingParams(
        @Parameter(description = "Cluster id; repeat for several") List<UUID> cluster,
        @Parameter(description = "Framework name (e.g. NSA, MITRE, cis-eks-t1.2.0): only its controls") String framework,
        @Parameter(description = "Control id (e.g. C-0057); repeat for several") List<String> control,
        @Parameter(description = "critical, high, medium or low; repeat for several") List<String> severity,
        @Parameter(description = "Namespace (empty string: cluster-scoped objects)") String namespace,
        @Parameter(description = "Object kind, e.g. Deployment") String kind,
        @Parameter(description = "open (default), resolved or all") String status,
        @Parameter(description = "Only findings first seen at or after this instant (ISO-8601, e.g. 2026-11-20T00:00:00Z)") Instant newSince,
        @Parameter(description = "Part of the object name, case-insensitive") String q,
        @Parameter(description = "true: only excepted (accepted risk); false: hide excepted; absent: both") Boolean excepted) {

    public FindingFilter filter() {
        return new FindingFilter(cluster, framework, control, severity, namespace, kind, status, newSince, q, excepted);
    }
}
