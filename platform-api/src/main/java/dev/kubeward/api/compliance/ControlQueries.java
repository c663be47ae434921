package dev.kubeward.api.compliance;

import dev.kubeward.api.compliance.internal.LastScanTallies;
import dev.kubeward.api.compliance.internal.LastScanTallies.Row;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The control catalogue with each control's current standing, and one control across clusters. */
@Service
public class ControlQueries {

    private final LastScanTallies tallies;

    public ControlQueries(LastScanTallies tallies) {
        this.tallies = tallies;
    }

    /** Filters may be null. {@code q} matches id or name. */
    public List<ControlCatalogEntry> catalogue(String framework, String severity, String q) {
        List<Row> rows = tallies.rows(Tenant.current(), null, null);
        Map<String, List<Row>> byControl = rows.stream().collect(Collectors.groupingBy(Row::controlId));
        Set<String> inFramework = framework == null ? null : Set.copyOf(ControlCatalog.standard().framework(framework)
                .map(Framework::controlIds).orElseThrow(() -> new BadRequestException("unknown framework " + framework)));
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        return ControlCatalog.standard().controls().stream()
                .filter(c -> inFramework == null || inFramework.contains(c.id()))
                .filter(c -> severity == null || c.severity().name().equalsIgnoreCase(severity))
                .filter(c -> needle == null || c.id().toLowerCase(Locale.ROOT).contains(needle) || c.name().toLowerCase(Locale.ROOT).contains(needle))
                .map(c -> entry(c, byControl.getOrDefault(c.id(), List.of()))).toList();
    }

    public ControlDetail detail(String id) {
        ControlDefinition d = ControlCatalog.standard().control(id).orElseThrow(() -> new NotFoundException("control", id));
        List<Row> rows = tallies.rows(Tenant.current(), null, List.of(d.id()));
        List<ControlDetail.ClusterScore> clusters = rows.stream()
                .map(r -> new ControlDetail.ClusterScore(r.clusterId(), r.clusterName(), ControlScore.of(r.tally()))).toList();
        return new ControlDetail(ControlInfo.of(d), ControlScore.of(ControlTally.sum(rows.stream().map(Row::tally).toList())), clusters);
    }

    private static ControlCatalogEntry entry(ControlDefinition c, List<Row> rows) {
        ControlTally sum = ControlTally.sum(rows.stream().map(Row::tally).toList());
        int failing = (int) rows.stream().filter(r -> r.tally().failed() > 0).count();
        return new ControlCatalogEntry(ControlInfo.of(c), ControlScore.of(sum), failing);
    }
}
