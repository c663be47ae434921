package dev.kubeward.api.cluster.web;

import dev.kubeward.api.cluster.ClusterFilter;
import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.cluster.Rejection;
import dev.kubeward.api.cluster.ScanSummary;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "Clusters", description = "Registered clusters, their health, last scan and scan history")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
@RequestMapping("/api/v1/clusters")
class ClusterController {

    private final ClusterQueries clusters;

    ClusterController(ClusterQueries clusters) {
        this.clusters = clusters;
    }

    @Operation(summary = "List clusters", description = "Clusters with provider, versions, health status (healthy, stale, rejected, "
            + "pending), open findings by severity and per-framework scores of the last scan.")
    @GetMapping
    PageResult<ClusterSummary> list(
            @Parameter(description = "eks, aks, gke, onprem...") @RequestParam(required = false) String provider,
            @Parameter(description = "healthy, stale, rejected or pending") @RequestParam(required = false) String status,
            @Parameter(description = "Part of the cluster name") @RequestParam(required = false) String q,
            @Parameter(description = "name (default), -critical, lastSnapshot, -lastSnapshot, score (lowest score in the framework first)")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Framework of the score sort; NSA by default") @RequestParam(required = false) String framework,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return clusters.list(new ClusterFilter(provider, status, q, sort, framework), page, size);
    }

    @Operation(summary = "Get one cluster")
    @GetMapping("/{id}")
    ClusterSummary get(@PathVariable UUID id) {
        return clusters.get(id);
    }

    @Operation(summary = "Scans of a cluster", description = "Newest first: objects scanned, open findings by severity, new and resolved counts.")
    @GetMapping("/{id}/scans")
    PageResult<ScanSummary> scans(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return clusters.scans(id, page, size);
    }

    @Operation(summary = "Last rejected snapshot chunks of a cluster", description = "Why the worker refused what the agent sent, newest first.")
    @GetMapping("/{id}/rejections")
    List<Rejection> rejections(@PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
        return clusters.rejections(id, limit);
    }
}
