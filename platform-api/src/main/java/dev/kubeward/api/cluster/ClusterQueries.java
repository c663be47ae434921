package dev.kubeward.api.cluster;

import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.Paging;
import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.query.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** Clusters of the current tenant with their health, last scan and scores; the scans and rejections of one. */
@Service
public class ClusterQueries {

    private final JdbcTemplate jdbc;
    private final Duration staleAfter;

    public ClusterQueries(JdbcTemplate jdbc, @Value("${kubeward.clusters.stale-after:PT30M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    public PageResult<ClusterSummary> list(ClusterFilter filter, int page, int size) {
        Paging.check(page, size);
        List<Object> args = new ArrayList<>(List.of(staleAfter.toSeconds(), Tenant.current(), filter.framework()));
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.provider() != null) { where.append(" AND provider = ?"); args.add(filter.provider()); }
        if (filter.status() != null) { where.append(" AND status = ?"); args.add(filter.status()); }
        if (filter.q() != null && !filter.q().isBlank()) { where.append(" AND name ILIKE ?"); args.add("%" + filter.q().trim() + "%"); }
        String rows = "SELECT * FROM (" + ClusterSql.WITH_SCORE + ") w";
        Long total = jdbc.queryForObject("SELECT count(*) FROM (" + rows + where + ") t", Long.class, args.toArray());
        String order = ClusterSql.SORTS.get(Objects.requireNonNullElse(filter.sort(), "name"));
        args.add(size);
        args.add(Paging.offset(page, size));
        List<ClusterSummary> items = withScores(jdbc.query(rows + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                (rs, i) -> row(rs), args.toArray()));
        return new PageResult<>(items, page, size, total == null ? 0 : total);
    }

    /** Per cloud: how many clusters, how many need attention, their open findings and their scores in {@code framework}. */
    public List<CloudSummary> clouds(String framework) {
        return jdbc.query("SELECT provider, count(*), count(*) FILTER (WHERE status IN ('healthy', 'rejected')),"
                + " count(*) FILTER (WHERE status IN ('stale', 'rejected', 'pending')), count(*) FILTER (WHERE status = 'stale'),"
                + " sum(open_critical), sum(open_high), sum(open_medium), sum(open_low),"
                + " round(avg(fw_score) FILTER (WHERE status IN ('healthy', 'rejected')), 2), min(fw_score) FILTER (WHERE status IN ('healthy', 'rejected'))"
                + " FROM (" + ClusterSql.WITH_SCORE + ") w GROUP BY provider",
                (rs, i) -> new CloudSummary(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        new SeverityCounts(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)), rs.getBigDecimal(10), rs.getBigDecimal(11)),
                staleAfter.toSeconds(), Tenant.current(), framework);
    }

    /**
     * The {@code perCloud} clusters of each cloud with the lowest score in {@code framework} (not assessed ones last), in
     * that order: what the overview lists, so its size does not grow with the number of clusters.
     */
    public List<ClusterSummary> worstPerCloud(String framework, int perCloud) {
        return withScores(jdbc.query("SELECT * FROM (SELECT w.*, row_number() OVER (PARTITION BY provider ORDER BY "
                + ClusterSql.WORST_FIRST + ") AS rank FROM (" + ClusterSql.WITH_SCORE + ") w) ranked WHERE rank <= ? ORDER BY provider, rank",
                (rs, i) -> row(rs), staleAfter.toSeconds(), Tenant.current(), framework, perCloud));
    }

    /** Id and name of every cluster, by name: for filter choices, without health, scans or scores. */
    public List<ClusterName> names() {
        return jdbc.query("SELECT id, name, provider FROM clusters WHERE tenant_id = ? ORDER BY name, id",
                (rs, i) -> new ClusterName(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), Tenant.current());
    }

    /** Every cluster of the tenant, by name (dashboards with a few hundred clusters). */
    public List<ClusterSummary> all() {
        return withScores(jdbc.query(ClusterSql.ROWS + " ORDER BY name, id", (rs, i) -> row(rs), staleAfter.toSeconds(), Tenant.current()));
    }

    public ClusterSummary get(UUID id) {
        List<ClusterSummary> rows = jdbc.query(ClusterSql.ROWS + " WHERE id = ?", (rs, i) -> row(rs), staleAfter.toSeconds(), Tenant.current(), id);
        if (rows.isEmpty()) throw new NotFoundException("cluster", id);
        return withScores(rows).get(0);
    }

    /** The cluster's name, or 404: a cheap existence check for pages that hang off a cluster. */
    public String requireName(UUID id) {
        List<String> names = jdbc.queryForList("SELECT name FROM clusters WHERE tenant_id = ? AND id = ?", String.class, Tenant.current(), id);
        if (names.isEmpty()) throw new NotFoundException("cluster", id);
        return names.get(0);
    }

    public PageResult<ScanSummary> scans(UUID clusterId, int page, int size) {
        Paging.check(page, size);
        requireName(clusterId);
        UUID tenant = Tenant.current();
        Long total = jdbc.queryForObject("SELECT count(*) FROM scans WHERE tenant_id = ? AND cluster_id = ?", Long.class, tenant, clusterId);
        List<ScanSummary> items = jdbc.query("""
                SELECT id, snapshot_id, scanned_at, object_count, open_critical, open_high, open_medium, open_low,
                       new_findings, resolved_findings, library_version
                  FROM scans WHERE tenant_id = ? AND cluster_id = ? ORDER BY scanned_at DESC, id LIMIT ? OFFSET ?
                """, (rs, i) -> new ScanSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3), rs.getInt(4),
                new SeverityCounts(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), rs.getInt(9), rs.getInt(10), rs.getString(11)),
                tenant, clusterId, size, Paging.offset(page, size));
        return new PageResult<>(items, page, size, total == null ? 0 : total);
    }

    public List<Rejection> rejections(UUID clusterId, int limit) {
        requireName(clusterId);
        return jdbc.query("""
                SELECT id, snapshot_id, code, reason, at FROM snapshot_rejections
                 WHERE tenant_id = ? AND cluster_id = ? ORDER BY at DESC, id DESC LIMIT ?
                """, (rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)),
                Tenant.current(), clusterId, Math.max(1, Math.min(limit, 500)));
    }

    private List<ClusterSummary> withScores(List<ClusterSummary> clusters) {
        UUID[] scanIds = clusters.stream().map(ClusterSummary::lastScanId).filter(Objects::nonNull).toArray(UUID[]::new);
        if (scanIds.length == 0) return clusters;
        Map<UUID, Map<String, BigDecimal>> byScan = new HashMap<>();
        jdbc.query("SELECT scan_id, framework, score FROM scan_framework_scores WHERE tenant_id = ? AND scan_id = ANY(?) ORDER BY framework",
                rs -> { byScan.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getBigDecimal(3)); },
                Tenant.current(), scanIds);
        return clusters.stream().map(c -> new ClusterSummary(c.id(), c.name(), c.provider(), c.region(), c.kubernetesVersion(), c.nodeCount(),
                c.agentVersion(), c.lastSnapshotAt(), c.lastScanAt(), c.lastScanId(), c.objectCount(), c.status(), c.openFindings(),
                byScan.getOrDefault(c.lastScanId(), Map.of()))).toList();
    }

    private static ClusterSummary row(ResultSet rs) throws SQLException {
        return new ClusterSummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("provider"), rs.getString("region"),
                rs.getString("kubernetes_version"), (Integer) rs.getObject("node_count"), rs.getString("agent_version"),
                instant(rs, "last_snapshot_at"), instant(rs, "scanned_at"), rs.getObject("last_scan_id", UUID.class),
                (Integer) rs.getObject("object_count"), rs.getString("status"),
                new SeverityCounts(rs.getInt("open_critical"), rs.getInt("open_high"), rs.getInt("open_medium"), rs.getInt("open_low")), Map.of());
    }
}
