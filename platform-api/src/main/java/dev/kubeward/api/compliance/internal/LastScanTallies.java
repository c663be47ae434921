package dev.kubeward.api.compliance.internal;

import dev.kubeward.api.compliance.ControlTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Control summaries of each cluster's last scan: the counts every compliance number is made of. */
@Component
public class LastScanTallies {

    /** One control of one cluster's last scan. */
    public record Row(UUID clusterId, String clusterName, String controlId, ControlTally tally) {
    }

    private final JdbcTemplate jdbc;

    public LastScanTallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code clusterId} and {@code controlIds} null: no narrowing. */
    public List<Row> rows(UUID tenant, UUID clusterId, List<String> controlIds) {
        Narrowing n = Narrowing.of(tenant, clusterId, controlIds);
        return jdbc.query("""
                SELECT c.id, c.name, s.control_id, s.status, s.failed, s.passed, s.excepted
                  FROM clusters c JOIN scan_control_summaries s ON s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id
                 WHERE\s""" + n.where() + " ORDER BY c.name, c.id, s.control_id", (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), new ControlTally(rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))), n.args());
    }

    /**
     * The WHERE of a narrowed read, narrowing only where asked: "(? IS NULL OR ...)" would hide the cluster and control
     * ids from the index in a generic plan (the control page read every cluster's 335 summaries to keep one control's).
     */
    private record Narrowing(String where, Object[] args) {
        static Narrowing of(UUID tenant, UUID clusterId, List<String> controlIds) {
            List<Object> args = new ArrayList<>(List.of(tenant));
            StringBuilder where = new StringBuilder("c.tenant_id = ?");
            if (clusterId != null) {
                where.append(" AND c.id = ?");
                args.add(clusterId);
            }
            if (controlIds != null && controlIds.size() == 1) {
                where.append(" AND s.control_id = ?");
                args.add(controlIds.get(0));
            } else if (controlIds != null) {
                where.append(" AND s.control_id = ANY(?)");
                args.add(controlIds.toArray(String[]::new));
            }
            return new Narrowing(where.toString(), args.toArray());
        }
    }

    /**
     * The same rows summed per control over the clusters, as {@link ControlTally#sum} sums them, but in the database:
     * at 500 clusters the rows are ~170k and moving them out costs far more than adding them up. The status of a control
     * with nothing evaluated is the first one that is not {@code not-applicable} in the order of {@link #rows}; when the
     * clusters disagree on it (rare), a second query finds that first one.
     */
    public Map<String, ControlTally> summed(UUID tenant, UUID clusterId, List<String> controlIds) {
        Map<String, ControlTally> out = new HashMap<>();
        Narrowing n = Narrowing.of(tenant, clusterId, controlIds);
        jdbc.query("SELECT s.control_id, sum(s.failed), sum(s.passed), sum(s.excepted),"
                + " min(s.status) FILTER (WHERE s.status <> 'not-applicable'), max(s.status) FILTER (WHERE s.status <> 'not-applicable')"
                + " FROM clusters c JOIN scan_control_summaries s ON s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id"
                + " WHERE " + n.where() + " GROUP BY s.control_id", rs -> {
            String control = rs.getString(1);
            long f = rs.getLong(2), p = rs.getLong(3), e = rs.getLong(4);
            String min = rs.getString(5), max = rs.getString(6);
            String status = f > 0 ? "failed" : p + e > 0 ? "passed" : min == null ? "not-applicable" : min.equals(max) ? min : null;
            out.put(control, new ControlTally(status, f, p, e));
        }, n.args());
        out.replaceAll((control, t) -> t.status() != null ? t : new ControlTally(jdbc.queryForObject("""
                SELECT s.status FROM clusters c JOIN scan_control_summaries s ON s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? AND (?::uuid IS NULL OR c.id = ?::uuid) AND s.control_id = ? AND s.status <> 'not-applicable'
                 ORDER BY c.name, c.id LIMIT 1
                """, String.class, tenant, clusterId, clusterId, control), t.failed(), t.passed(), t.excepted()));
        return out;
    }
}
