package dev.kubeward.worker.failure;

import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.worker.events.FindingEvents;
import dev.kubeward.worker.events.RejectionEvent;
import dev.kubeward.worker.intake.RejectionNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Notes a rejected chunk on the cluster it claimed to come from: a {@code snapshot_rejections} row and
 * {@code clusters.last_rejection}, which the cluster page shows; the snapshot it belonged to (when known and
 * verified) becomes {@code rejected}, since it can never complete.
 *
 * <p>Decision on bad signatures: the payload is not trusted, so nothing from it is stored and no tenant data
 * changes, with one exception: the note on the cluster the record key named. Without it an operator whose
 * agent still signs with a rotated secret sees a cluster that silently stopped reporting. Because anyone who
 * knows a cluster id can send such records, that note is rate-limited (one row per cluster per minute) and
 * carries no payload data. The cluster whose secret was actually used is never identified or touched. A record
 * whose key names no registered cluster leaves no trace but the dead-letter record.
 */
public class JdbcRejectionNotes implements RejectionNotes {

    private static final Logger log = LoggerFactory.getLogger(JdbcRejectionNotes.class);

    private static final String INSERT = """
            INSERT INTO snapshot_rejections (tenant_id, cluster_id, snapshot_id, code, reason) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String INSERT_UNLESS_RECENT = """
            INSERT INTO snapshot_rejections (tenant_id, cluster_id, snapshot_id, code, reason)
            SELECT ?, ?, NULL, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM snapshot_rejections
                                WHERE tenant_id = ? AND cluster_id = ? AND code = ? AND at > now() - interval '1 minute')
            """;
    private static final String NOTE_ON_CLUSTER = """
            UPDATE clusters SET last_rejection = ?, last_rejection_at = now() WHERE tenant_id = ? AND id = ?
            """;
    private static final String REJECT_SNAPSHOT = """
            UPDATE snapshots SET status = 'rejected', reason = ?, completed_at = now()
             WHERE tenant_id = ? AND id = ? AND cluster_id = ? AND status = 'receiving'
            """;
    private static final String DROP_CHUNKS = """
            DELETE FROM snapshot_chunks WHERE tenant_id = ? AND snapshot_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FindingEvents events;

    public JdbcRejectionNotes(JdbcTemplate jdbc, TransactionTemplate tx, FindingEvents events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void record(ClusterKey cluster, String snapshotId, String code, String reason) {
        if (cluster == null) {
            log.warn("rejected chunk of an unknown cluster ({}): {}", code, reason);
            return;
        }
        String shortReason = reason.length() > 500 ? reason.substring(0, 500) + "…" : reason;
        UUID tenant = cluster.tenantId();
        UUID clusterId = cluster.clusterId();
        boolean noted = TenantContext.callAs(tenant, () -> tx.execute(status -> {
            int rows = "bad-signature".equals(code)
                    ? jdbc.update(INSERT_UNLESS_RECENT, tenant, clusterId, code, shortReason, tenant, clusterId, code)
                    : jdbc.update(INSERT, tenant, clusterId, snapshotId, code, shortReason);
            jdbc.update(NOTE_ON_CLUSTER, code + ": " + shortReason, tenant, clusterId);
            UUID snapshot = uuidOrNull(snapshotId);
            if (snapshot != null && jdbc.update(REJECT_SNAPSHOT, code + ": " + shortReason, tenant, snapshot, clusterId) == 1) {
                jdbc.update(DROP_CHUNKS, tenant, snapshot);
            }
            return rows == 1;
        }));
        log.warn("rejected chunk of cluster {} ({}): {}", clusterId, code, shortReason);
        if (noted) events.rejected(RejectionEvent.of(tenant, clusterId, snapshotId, code, shortReason));
    }

    private static UUID uuidOrNull(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
