package dev.kubeward.api.finding.web;

import dev.kubeward.api.finding.FindingDetail;
import dev.kubeward.api.finding.FindingDetails;
import dev.kubeward.api.finding.FindingFacetCounts;
import dev.kubeward.api.finding.FindingFacets;
import dev.kubeward.api.finding.FindingGroup;
import dev.kubeward.api.finding.FindingGroups;
import dev.kubeward.api.finding.FindingParams;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "Findings", description = "Failed controls on objects: filter, sort, page, group, count")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
@RequestMapping("/api/v1/findings")
class FindingController {

    private final FindingQueries findings;
    private final FindingDetails details;
    private final FindingGroups groups;
    private final FindingFacetCounts facets;

    FindingController(FindingQueries findings, FindingDetails details, FindingGroups groups, FindingFacetCounts facets) {
        this.findings = findings;
        this.details = details;
        this.groups = groups;
        this.facets = facets;
    }

    @Operation(summary = "List findings", description = """
            Without `cursor`: a numbered page `{items, page, size, total}` (for small lists). With `cursor` (empty for \
            the first page): a keyset page `{items, nextCursor}`; follow nextCursor until it is absent to read any \
            number of findings, stable while new findings arrive. Sorts: -severity (default: severity, then first \
            seen, then id, descending), firstSeen, lastSeen, name; prefix - for descending.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {PageResult.class, dev.kubeward.api.query.CursorPage.class})))
    @GetMapping
    Object list(@ParameterObject FindingParams params,
                @Parameter(description = "severity, firstSeen, lastSeen or name; prefix - for descending") @RequestParam(required = false) String sort,
                @Parameter(description = "Keyset cursor (empty: first page); switches to {items, nextCursor}") @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        FindingSort.Order order = FindingSort.Order.parse(sort);
        if (cursor != null) return findings.scroll(params.filter(), order, cursor, size);
        return findings.page(params.filter(), order, page, size);
    }

    @Operation(summary = "Findings grouped by control × owner workload",
            description = "One row per control and owning workload (pods fold into their Deployment, DaemonSet, CronJob...), most severe and largest first.")
    @GetMapping("/groups")
    PageResult<FindingGroup> groups(@ParameterObject FindingParams params, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return groups.page(params.filter(), page, size);
    }

    @Operation(summary = "Facet counts", description = "Open findings by severity and cluster, failed resources per control, "
            + "from each cluster's last scan summary (exact, cheap at millions of findings).")
    @GetMapping("/facets")
    FindingFacets facets(@Parameter(description = "Cluster id; repeat for several") @RequestParam(required = false) List<UUID> cluster,
                         @RequestParam(defaultValue = "50") int controls) {
        return facets.facets(cluster, controls);
    }

    @Operation(summary = "Get one finding", description = "Evidence (failed and fix paths, related objects), remediation and history.")
    @GetMapping("/{id}")
    FindingDetail get(@PathVariable long id) {
        return details.get(id);
    }
}
