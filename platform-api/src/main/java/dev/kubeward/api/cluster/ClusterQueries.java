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
        List<Object> args = new ArrayList<>(List.of(staleAfter.toSeconds(), Tenant.current()));
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.provider() != null) { where.append(" AND provider = ?"); args.add(filter.provider()); }
        if (filter.status() != null) { where.append(" AND status = ?"); args.add(filter.status()); }
        if (filter.q() != null && !filter.q().isBlank()) { where.append(" AND name ILIKE ?"); args.add("%" + filter.q().trim() + "%"); }
        Long total = jdbc.queryForObject("SELECT count(*) FROM (" + ClusterSql.ROWS + where + ") t", Long.class, args.toArray());
        String order = ClusterSql.SORTS.get(Objects.requireNonNullElse(filter.sort(), "name"));
        args.add(size);
        args.add(Paging.offset(page, size));
        List<ClusterSummary> rows = withScores(jdbc.query(ClusterSql.ROWS + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                (rs, i) -> row(rs), args.toArray()));
        return new PageResult<>(rows, page, size, total == null ? 0 : total);
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
