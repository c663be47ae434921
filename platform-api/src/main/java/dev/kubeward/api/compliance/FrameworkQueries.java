package dev.kubeward.api.compliance;

import dev.kubeward.api.compliance.internal.LastScanTallies;
import dev.kubeward.api.compliance.internal.LastScanTallies.Row;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.kubeward.api.query.Rows.instant;

/** Frameworks with their scores per cluster and overall, one framework's controls, and what to fix first. */
@Service
public class FrameworkQueries {

    private final JdbcTemplate jdbc;
    private final LastScanTallies tallies;

    public FrameworkQueries(JdbcTemplate jdbc, LastScanTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    public List<FrameworkSummary> list() {
        UUID tenant = Tenant.current();
        Map<String, ControlTally> summed = tallies.summed(tenant, null, null);
        Map<String, List<FrameworkSummary.ClusterScore>> perCluster = new HashMap<>();
        jdbc.query("""
                SELECT fs.framework, c.id, c.name, fs.score, fs.scanned_at
                  FROM clusters c JOIN scan_framework_scores fs ON fs.tenant_id = c.tenant_id AND fs.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? ORDER BY c.name, c.id
                """, rs -> {
            BigDecimal score = rs.getBigDecimal(4);
            perCluster.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FrameworkSummary.ClusterScore(
                    rs.getObject(2, UUID.class), rs.getString(3), score == null ? null : score.doubleValue(), instant(rs, 5)));
        }, tenant);
        List<FrameworkSummary> out = new ArrayList<>();
        for (Framework fw : ControlCatalog.standard().frameworks()) {
            List<FrameworkSummary.ClusterScore> clusters = perCluster.getOrDefault(fw.name(), List.of());
            List<Double> scores = clusters.stream().map(FrameworkSummary.ClusterScore::score).filter(Objects::nonNull).toList();
            out.add(new FrameworkSummary(fw.name(), fw.title(), fw.controlIds().size(), FrameworkScoring.of(fw, summed).score(),
                    Scores.round(Scores.mean(scores)), scores.stream().min(Comparator.naturalOrder()).orElse(null),
                    scores.stream().max(Comparator.naturalOrder()).orElse(null), clusters));
        }
        return out;
    }

    /** {@code clusterId} null: tenant-wide from summed counts. */
    public FrameworkDetail detail(String name, UUID clusterId) {
        Framework fw = framework(name);
        FrameworkScoring scoring = FrameworkScoring.of(fw, tallies(fw, clusterId));
        Double stored = clusterId == null ? null : storedScore(fw, clusterId);
        return new FrameworkDetail(fw.name(), fw.title(), clusterId, scoring.score(), stored, scoring.formula(), scoring.controls());
    }

    public FixFirst fixFirst(String name, UUID clusterId, int limit) {
        Framework fw = framework(name);
        FrameworkScoring scoring = FrameworkScoring.of(fw, tallies(fw, clusterId));
        List<FrameworkControl> ranked = scoring.controls().stream().filter(c -> c.gain() > 0)
                .sorted(Comparator.comparingDouble(FrameworkControl::gain).reversed().thenComparing(FrameworkControl::id))
                .limit(Math.max(1, Math.min(limit, 200))).toList();
        List<FixFirst.Item> items = new ArrayList<>();
        double cumulative = 0;
        double base = scoring.score() == null ? 0 : scoring.score();
        for (FrameworkControl c : ranked) {
            cumulative += c.gain();
            items.add(new FixFirst.Item(c.id(), c.name(), c.severity(), c.score(), c.failed(), c.gain(),
                    Scores.round(cumulative), Scores.round(Math.min(100.0, base + cumulative))));
        }
        return new FixFirst(fw.name(), clusterId, scoring.score(), items);
    }

    private Map<String, ControlTally> tallies(Framework fw, UUID clusterId) {
        UUID tenant = Tenant.current();
        if (clusterId != null) {
            Long known = jdbc.queryForObject("SELECT count(*) FROM clusters WHERE tenant_id = ? AND id = ?", Long.class, tenant, clusterId);
            if (known == null || known == 0) throw new NotFoundException("cluster", clusterId);
        }
        return tallies.summed(tenant, clusterId, fw.controlIds());
    }

    private Double storedScore(Framework fw, UUID clusterId) {
        List<BigDecimal> s = jdbc.queryForList("""
                SELECT fs.score FROM clusters c JOIN scan_framework_scores fs ON fs.tenant_id = c.tenant_id AND fs.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? AND c.id = ? AND fs.framework = ?
                """, BigDecimal.class, Tenant.current(), clusterId, fw.name());
        return s.isEmpty() || s.get(0) == null ? null : s.get(0).doubleValue();
    }

    static Framework framework(String name) {
        return ControlCatalog.standard().framework(name).orElseThrow(() -> new NotFoundException("framework", name));
    }

    static Map<String, ControlTally> summed(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::controlId,
                Collectors.collectingAndThen(Collectors.mapping(Row::tally, Collectors.toList()), ControlTally::sum)));
    }
}
