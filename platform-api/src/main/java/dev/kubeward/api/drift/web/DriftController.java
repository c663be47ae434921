package dev.kubeward.api.drift.web;

import dev.kubeward.api.drift.Drift;
import dev.kubeward.api.drift.DriftQueries;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Drift", description = "What changed in a cluster between two scans")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
class DriftController {

    private final DriftQueries drift;

    DriftController(DriftQueries drift) {
        this.drift = drift;
    }

    @Operation(summary = "Drift between two scans", description = "New and resolved findings and objects added, removed or changed "
            + "after scan `from` up to scan `to`; default: the cluster's last two scans.")
    @GetMapping("/api/v1/clusters/{clusterId}/drift")
    Drift drift(@PathVariable UUID clusterId,
                @Parameter(description = "Earlier scan id (exclusive); default: the scan before `to`") @RequestParam(required = false) UUID from,
                @Parameter(description = "Later scan id (inclusive); default: the last scan") @RequestParam(required = false) UUID to,
                @Parameter(description = "Most items per list (counts stay complete)") @RequestParam(defaultValue = "500") int limit) {
        return drift.drift(clusterId, from, to, limit);
    }
}
