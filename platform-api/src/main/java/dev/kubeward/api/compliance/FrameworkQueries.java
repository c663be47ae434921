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
        return list(tallies.summed(Tenant.current(), null, null));
    }

    /**
     * What the overview shows tenant-wide, from one pass over the last scans' summaries (~170k rows at 500 clusters):
     * every framework's score, what to fix first in {@code framework}, and the controls failing most. The frameworks
     * come without their per-cluster lists (only the clusters' mean, lowest and highest score): at 500 clusters that
     * list is 10k rows the overview never shows.
     */
    public TenantStanding standing(String framework, int fixFirstLimit, int topFailingLimit) {
        Map<String, ControlTally> summed = tallies.summed(Tenant.current(), null, null);
        Framework fw = framework(framework);
        List<TenantStanding.FailingControl> failing = summed.entrySet().stream().filter(e -> e.getValue().failed() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, ControlTally> e) -> -e.getValue().failed()).thenComparing(Map.Entry::getKey))
                .limit(topFailingLimit)
                .map(e -> new TenantStanding.FailingControl(e.getKey(), ControlCatalog.standard().control(e.getKey()).orElseThrow(), e.getValue().failed()))
                .toList();
        return new TenantStanding(withClusterRange(summed), fixFirst(fw, null, fixFirstLimit, only(summed, fw)), failing);
    }

    private List<FrameworkSummary> withClusterRange(Map<String, ControlTally> summed) {
        Map<String, Double[]> range = new HashMap<>();
        jdbc.query("""
                SELECT fs.framework, avg(fs.score), min(fs.score), max(fs.score)
                  FROM clusters c JOIN scan_framework_scores fs ON fs.tenant_id = c.tenant_id AND fs.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? GROUP BY fs.framework
                """, rs -> {
            range.put(rs.getString(1), new Double[] {number(rs, 2), number(rs, 3), number(rs, 4)});
        }, Tenant.current());
        return ControlCatalog.standard().frameworks().stream().map(fw -> {
            Double[] r = range.getOrDefault(fw.name(), new Double[3]);
            return new FrameworkSummary(fw.name(), fw.title(), fw.controlIds().size(), FrameworkScoring.of(fw, summed).score(),
                    Scores.round(r[0]), r[1], r[2], List.of());
        }).toList();
    }

    private static Double number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        BigDecimal n = rs.getBigDecimal(column);
        return n == null ? null : n.doubleValue();
    }

    private List<FrameworkSummary> list(Map<String, ControlTally> summed) {
        UUID tenant = Tenant.current();
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
        return fixFirst(fw, clusterId, limit, tallies(fw, clusterId));
    }

    private static FixFirst fixFirst(Framework fw, UUID clusterId, int limit, Map<String, ControlTally> tallies) {
        FrameworkScoring scoring = FrameworkScoring.of(fw, tallies);
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

    /** The tallies of the framework's controls, as {@link LastScanTallies#summed} narrowed to them would return. */
    private static Map<String, ControlTally> only(Map<String, ControlTally> summed, Framework fw) {
        Map<String, ControlTally> out = new HashMap<>();
        for (String id : fw.controlIds()) if (summed.containsKey(id)) out.put(id, summed.get(id));
        return out;
    }

    static Framework framework(String name) {
        return ControlCatalog.standard().framework(name).orElseThrow(() -> new NotFoundException("framework", name));
    }

    static Map<String, ControlTally> summed(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::controlId,
                Collectors.collectingAndThen(Collectors.mapping(Row::tally, Collectors.toList()), ControlTally::sum)));
    }
}
