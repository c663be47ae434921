package dev.kubeward.api.compliance.internal;

import dev.kubeward.api.compliance.ControlTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Control summaries of each cluster's last scan: the counts every compliance number is made of. */
@Component
public class LastScanTallies {

    /** One control of one cluster's last scan. */
    public record Row(UUID clusterId, String clusterName, String controlId, ControlTally tally) {
    }

    private final JdbcTemplate jdbc;
    private final ScanTallies scanTallies;

    public LastScanTallies(JdbcTemplate jdbc, ScanTallies scanTallies) {
        this.jdbc = jdbc;
        this.scanTallies = scanTallies;
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
     * The same rows summed per control over the clusters, as {@link ControlTally#sum} sums them: failed if any failed,
     * passed if anything was evaluated, else the first status that is not {@code not-applicable} in the order of
     * {@link #rows}. The summaries come from {@link ScanTallies}, so only clusters with a new scan are read.
     */
    public Map<String, ControlTally> summed(UUID tenant, UUID clusterId, List<String> controlIds) {
        List<ScanTallies.LastScan> scans = jdbc.query("""
                SELECT c.id, c.last_scan_id, s.tallies_version FROM clusters c JOIN scans s ON s.tenant_id = c.tenant_id AND s.id = c.last_scan_id
                 WHERE c.tenant_id = ? AND (?::uuid IS NULL OR c.id = ?::uuid) ORDER BY c.name, c.id""",
                (rs, i) -> new ScanTallies.LastScan(tenant, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)),
                tenant, clusterId, clusterId);
        return scanTallies.sum(scans, controlIds == null ? null : Set.copyOf(controlIds));
    }
}
