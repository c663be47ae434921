package dev.kubeward.api.compliance.internal;

import dev.kubeward.api.compliance.ControlTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
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
        String[] controls = controlIds == null ? null : controlIds.toArray(String[]::new);
        return jdbc.query("""
                SELECT c.id, c.name, s.control_id, s.status, s.failed, s.passed, s.excepted
                  FROM clusters c JOIN scan_control_summaries s ON s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? AND (?::uuid IS NULL OR c.id = ?::uuid) AND (?::text[] IS NULL OR s.control_id = ANY(?::text[]))
                 ORDER BY c.name, c.id, s.control_id
                """, (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                new ControlTally(rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))),
                tenant, clusterId, clusterId, controls, controls);
    }
}
