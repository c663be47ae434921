package dev.kubeward.api.compliance.web;

import dev.kubeward.api.compliance.FixFirst;
import dev.kubeward.api.compliance.FrameworkDetail;
import dev.kubeward.api.compliance.FrameworkQueries;
import dev.kubeward.api.compliance.FrameworkSummary;
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

@Tag(name = "Frameworks", description = "Compliance scores per framework, per cluster and overall, with the formula behind them")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
@RequestMapping("/api/v1/frameworks")
class FrameworkController {

    private final FrameworkQueries frameworks;

    FrameworkController(FrameworkQueries frameworks) {
        this.frameworks = frameworks;
    }

    @Operation(summary = "List frameworks with scores", description = """
            Each framework with the score of every cluster's last scan and two overall numbers: tenantScore (the \
            framework formula over control counts summed across clusters; big clusters weigh more) and \
            meanOfClusters (unweighted mean of cluster scores).""")
    @GetMapping
    List<FrameworkSummary> list() {
        return frameworks.list();
    }

    @Operation(summary = "Framework detail", description = "Score with its formula and every control's status, failed/passed/"
            + "excepted resources, score and gain; tenant-wide (summed counts) unless a cluster is given.")
    @GetMapping("/{name}")
    FrameworkDetail get(@PathVariable String name,
                        @Parameter(description = "Score this cluster's last scan only") @RequestParam(required = false) UUID cluster) {
        return frameworks.detail(name, cluster);
    }

    @Operation(summary = "What to fix first", description = "Controls ranked by score gain if fixed, with cumulative gain and the score after.")
    @GetMapping("/{name}/fix-first")
    FixFirst fixFirst(@PathVariable String name, @RequestParam(required = false) UUID cluster,
                      @RequestParam(defaultValue = "10") int limit) {
        return frameworks.fixFirst(name, cluster, limit);
    }
}
