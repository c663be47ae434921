package dev.kubeward.api.trend.web;

import dev.kubeward.api.trend.Trend;
import dev.kubeward.api.trend.TrendQueries;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Tag(name = "Trends", description = "Compliance score and open findings over time")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
@RequestMapping("/api/v1/trends")
class TrendController {

    private final TrendQueries trends;

    TrendController(TrendQueries trends) {
        this.trends = trends;
    }

    @Operation(summary = "Score and open findings over time", description = """
            One point per cluster and UTC day (the day's last scan), an overall series (mean cluster score, summed \
            counts, last known state carried forward) and markers on days with new or resolved findings.""")
    @GetMapping
    Trend trend(@Parameter(description = "Framework whose score to chart; absent: counts only") @RequestParam(required = false) String framework,
                @Parameter(description = "Cluster id; repeat for several; absent: all") @RequestParam(required = false) List<UUID> cluster,
                @Parameter(description = "Start (ISO-8601 instant); default 30 days before to") @RequestParam(required = false) Instant from,
                @Parameter(description = "End, exclusive (ISO-8601 instant); default now") @RequestParam(required = false) Instant to) {
        return trends.trend(framework, cluster, from, to);
    }
}
