package dev.kubeward.api.compliance.web;

import dev.kubeward.api.compliance.ControlCatalogEntry;
import dev.kubeward.api.compliance.ControlDetail;
import dev.kubeward.api.compliance.ControlQueries;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
import dev.kubeward.api.finding.FindingSummary;
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

@Tag(name = "Controls", description = "The control catalogue and each control's standing across clusters")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
@RequestMapping("/api/v1/controls")
class ControlController {

    private final ControlQueries controls;
    private final FindingQueries findings;

    ControlController(ControlQueries controls, FindingQueries findings) {
        this.controls = controls;
        this.findings = findings;
    }

    @Operation(summary = "Control catalogue", description = "Every control with severity, frameworks, remediation and its current "
            + "status, failed/passed/excepted resources and score over every cluster's last scan.")
    @GetMapping
    List<ControlCatalogEntry> catalogue(@Parameter(description = "Only controls of this framework") @RequestParam(required = false) String framework,
                                        @Parameter(description = "critical, high, medium or low") @RequestParam(required = false) String severity,
                                        @Parameter(description = "Part of the id or name") @RequestParam(required = false) String q) {
        return controls.catalogue(framework, severity, q);
    }

    @Operation(summary = "Get one control", description = "Definition, remediation, overall score and the score on each cluster.")
    @GetMapping("/{id}")
    ControlDetail get(@PathVariable String id) {
        return controls.detail(id);
    }

    @Operation(summary = "Failing resources of a control", description = "Open findings of this control across clusters, most severe first.")
    @GetMapping("/{id}/resources")
    PageResult<FindingSummary> resources(@PathVariable String id,
                                         @Parameter(description = "Cluster id; repeat for several") @RequestParam(required = false) List<UUID> cluster,
                                         @RequestParam(required = false) String namespace, @RequestParam(required = false) String kind,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        controls.detail(id);
        FindingFilter filter = new FindingFilter(cluster, null, List.of(id), null, namespace, kind, "open", null, null, null);
        return findings.page(filter, FindingSort.Order.DEFAULT, page, size);
    }
}
