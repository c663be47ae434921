package dev.kubeward.api.trend;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.api.trend.Trend.ClusterSeries;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** Score and open counts over time from {@code scans} and {@code scan_framework_scores}: one point per cluster and day. */
@Service
public class TrendQueries {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private static final String DAILY = """
            SELECT x.cluster_id, c.name, x.day, x.scanned_at, x.score, x.open_critical, x.open_high, x.open_medium, x.open_low,
                   x.new_sum, x.resolved_sum
              FROM (SELECT s.cluster_id, (s.scanned_at AT TIME ZONE 'UTC')::date AS day, s.scanned_at, fs.score,
                           s.open_critical, s.open_high, s.open_medium, s.open_low,
                           row_number() OVER (PARTITION BY s.cluster_id, (s.scanned_at AT TIME ZONE 'UTC')::date
                                              ORDER BY s.scanned_at DESC, s.id DESC) AS rn,
                           sum(s.new_findings) OVER d AS new_sum, sum(s.resolved_findings) OVER d AS resolved_sum
                      FROM scans s
                      LEFT JOIN scan_framework_scores fs ON fs.tenant_id = s.tenant_id AND fs.scan_id = s.id AND fs.framework = ?
                     WHERE s.tenant_id = ? AND s.scanned_at >= ? AND s.scanned_at < ?
                       AND (?::uuid[] IS NULL OR s.cluster_id = ANY(?::uuid[]))
                    WINDOW d AS (PARTITION BY s.cluster_id, (s.scanned_at AT TIME ZONE 'UTC')::date)) x
              JOIN clusters c ON c.tenant_id = ? AND c.id = x.cluster_id
             WHERE x.rn = 1
             ORDER BY c.name, x.cluster_id, x.day
            """;

    private final JdbcTemplate jdbc;

    public TrendQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code framework} null: counts only; {@code clusters} empty: all; {@code from}/{@code to} null: the last 30 days. */
    public Trend trend(String framework, List<UUID> clusters, Instant from, Instant to) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) throw new BadRequestException("from must be before to");
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) throw new BadRequestException("range must be at most 366 days");
        String fw = framework == null ? null : ControlCatalog.standard().framework(framework).map(Framework::name)
                .orElseThrow(() -> new BadRequestException("unknown framework " + framework));
        UUID tenant = Tenant.current();
        UUID[] ids = clusters == null || clusters.isEmpty() ? null : clusters.toArray(UUID[]::new);
        Map<UUID, ClusterSeries> series = new LinkedHashMap<>();
        jdbc.query(DAILY, rs -> {
            UUID id = rs.getObject(1, UUID.class);
            BigDecimal score = rs.getBigDecimal(5);
            String name = rs.getString(2);
            series.computeIfAbsent(id, k -> new ClusterSeries(k, name, new ArrayList<>())).points().add(new TrendPoint(
                    rs.getObject(3, java.time.LocalDate.class), instant(rs, 4), score == null ? null : score.doubleValue(),
                    new SeverityCounts(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)), rs.getInt(10), rs.getInt(11)));
        }, fw, tenant, Timestamp.from(start), Timestamp.from(end), ids, ids, tenant);
        List<ClusterSeries> list = List.copyOf(series.values());
        List<TrendPoint> overall = TrendAggregation.overall(list);
        return new Trend(fw, start, end, list, overall, TrendAggregation.markers(overall));
    }
}
