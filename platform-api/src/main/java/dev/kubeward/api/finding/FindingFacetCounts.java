package dev.kubeward.api.finding;

import dev.kubeward.api.finding.FindingFacets.ClusterCount;
import dev.kubeward.api.finding.FindingFacets.ControlCount;
import dev.kubeward.api.finding.internal.FindingRows;
import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Facet counts from the last scan of each cluster ({@code scans} and {@code scan_control_summaries}): a few
 * hundred rows whatever the number of findings, so exact at 3M findings without counting them.
 */
@Service
public class FindingFacetCounts {

    private final JdbcTemplate jdbc;

    public FindingFacetCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code clusters} empty: all clusters of the tenant. */
    public FindingFacets facets(List<UUID> clusters, int controlLimit) {
        UUID tenant = Tenant.current();
        UUID[] ids = clusters == null || clusters.isEmpty() ? null : clusters.toArray(UUID[]::new);
        List<ClusterCount> byCluster = jdbc.query("""
                SELECT c.id, c.name, s.open_critical, s.open_high, s.open_medium, s.open_low
                  FROM clusters c JOIN scans s ON s.tenant_id = c.tenant_id AND s.id = c.last_scan_id
                 WHERE c.tenant_id = ? AND (?::uuid[] IS NULL OR c.id = ANY(?::uuid[])) ORDER BY c.name, c.id
                """, (rs, i) -> new ClusterCount(rs.getObject(1, UUID.class), rs.getString(2),
                new SeverityCounts(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))), tenant, ids, ids);
        List<ControlCount> byControl = jdbc.query("""
                SELECT s.control_id, sum(s.failed) AS failed
                  FROM scan_control_summaries s JOIN clusters c ON c.tenant_id = s.tenant_id AND c.last_scan_id = s.scan_id
                 WHERE s.tenant_id = ? AND (?::uuid[] IS NULL OR c.id = ANY(?::uuid[])) AND s.failed > 0
                 GROUP BY s.control_id ORDER BY failed DESC, s.control_id LIMIT ?
                """, (rs, i) -> new ControlCount(rs.getString(1), FindingRows.controlName(rs.getString(1)),
                severity(rs.getString(1)), rs.getLong(2)), tenant, ids, ids, Math.max(1, Math.min(controlLimit, 1000)));
        SeverityCounts open = byCluster.stream().map(ClusterCount::open).reduce(SeverityCounts.ZERO, SeverityCounts::plus);
        return new FindingFacets(open, byCluster, byControl);
    }

    static String severity(String controlId) {
        return ControlCatalog.standard().control(controlId).map(ControlDefinition::severity).map(s -> s.name().toLowerCase()).orElse("low");
    }
}
