package dev.kubeward.api.finding;

import dev.kubeward.api.finding.internal.FindingRows;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.Paging;
import dev.kubeward.api.query.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/**
 * The grouped findings view: one row per control × owner workload. The owner comes from the objects'
 * latest manifests, two levels up (Pod → ReplicaSet → Deployment, Pod → Job → CronJob); an object
 * without owner is its own group.
 */
@Service
public class FindingGroups {

    private static final String OWNED = """
            SELECT f.id, f.control_id, f.cluster_id, f.namespace, f.first_seen, f.last_seen, %s AS rank,
                   CASE WHEN o2.kind IS NOT NULL THEN o2.kind WHEN o1.kind IS NOT NULL THEN o1.kind ELSE f.kind END AS owner_kind,
                   CASE WHEN o2.kind IS NOT NULL THEN o2.name WHEN o1.kind IS NOT NULL THEN o1.name ELSE f.name END AS owner_name
              FROM findings f
              LEFT JOIN resources r ON r.tenant_id = f.tenant_id AND r.cluster_id = f.cluster_id AND r.kind = f.kind
                                   AND r.namespace = f.namespace AND r.name = f.name
              LEFT JOIN LATERAL (SELECT r.body #>> '{metadata,ownerReferences,0,kind}' AS kind,
                                        r.body #>> '{metadata,ownerReferences,0,name}' AS name) o1 ON true
              LEFT JOIN resources r2 ON r2.tenant_id = f.tenant_id AND r2.cluster_id = f.cluster_id AND r2.namespace = f.namespace
                                    AND r2.kind = o1.kind AND r2.name = o1.name
              LEFT JOIN LATERAL (SELECT r2.body #>> '{metadata,ownerReferences,0,kind}' AS kind,
                                        r2.body #>> '{metadata,ownerReferences,0,name}' AS name) o2 ON true
             WHERE %s
            """;
    private static final String GROUPED = """
            SELECT g.control_id, g.cluster_id, c.name AS cluster_name, g.namespace, g.owner_kind, g.owner_name,
                   max(g.rank) AS rank, count(*) AS findings, min(g.first_seen) AS first_seen, max(g.last_seen) AS last_seen,
                   min(g.id) AS sample, count(*) OVER () AS total
              FROM (%s) g JOIN clusters c ON c.tenant_id = ? AND c.id = g.cluster_id
             GROUP BY g.control_id, g.cluster_id, c.name, g.namespace, g.owner_kind, g.owner_name
             ORDER BY max(g.rank) DESC, count(*) DESC, g.control_id, c.name, g.namespace, g.owner_name
             LIMIT ? OFFSET ?
            """;
    private static final String[] SEVERITY = {null, "low", "medium", "high", "critical"};

    private final JdbcTemplate jdbc;

    public FindingGroups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<FindingGroup> page(FindingFilter filter, int page, int size) {
        Paging.check(page, size);
        UUID tenant = Tenant.current();
        FindingSql sql = FindingSql.of(filter, tenant);
        String query = GROUPED.formatted(OWNED.formatted(FindingSql.SEVERITY_RANK, sql.where()));
        long[] total = {0};
        List<FindingGroup> items = new ArrayList<>();
        jdbc.query(query, rs -> {
            total[0] = rs.getLong("total");
            String control = rs.getString("control_id");
            items.add(new FindingGroup(control, FindingRows.controlName(control), SEVERITY[rs.getInt("rank")],
                    rs.getObject("cluster_id", UUID.class), rs.getString("cluster_name"), rs.getString("namespace"),
                    rs.getString("owner_kind"), rs.getString("owner_name"), rs.getInt("findings"), instant(rs, "first_seen"),
                    instant(rs, "last_seen"), rs.getLong("sample")));
        }, sql.argsWith(tenant, size, Paging.offset(page, size)));
        if (items.isEmpty() && page > 0) {
            total[0] = page(filter, 0, 1).total();
        }
        return new PageResult<>(items, page, size, total[0]);
    }
}
