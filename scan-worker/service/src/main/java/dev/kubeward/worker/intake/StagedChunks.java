package dev.kubeward.worker.intake;

import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chunks waiting for the rest of their snapshot, in {@code snapshot_chunks} keyed (tenant, snapshot id,
 * index), with their snapshot's row in {@code snapshots}. Staging is idempotent: a redelivered chunk hits
 * {@code ON CONFLICT DO NOTHING}. The snapshot row is locked while a chunk is staged, so two workers that
 * briefly share a partition during a rebalance agree on when it is complete.
 */
public class StagedChunks implements ChunkStaging {

    private static final String CREATE_SNAPSHOT = """
            INSERT INTO snapshots (id, tenant_id, cluster_id, status) VALUES (?, ?, ?, 'receiving')
            ON CONFLICT (tenant_id, id) DO NOTHING
            """;
    private static final String LOCK_SNAPSHOT = """
            SELECT cluster_id, status FROM snapshots WHERE tenant_id = ? AND id = ? FOR UPDATE
            """;
    private static final String INSERT_CHUNK = """
            INSERT INTO snapshot_chunks (tenant_id, snapshot_id, idx, body) VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant_id, snapshot_id, idx) DO NOTHING
            """;
    private static final String COUNT_CHUNK = """
            UPDATE snapshots
               SET chunks_received = chunks_received + ?,
                   object_count = object_count + ?,
                   chunk_count = CASE WHEN ? THEN ? ELSE chunk_count END
             WHERE tenant_id = ? AND id = ?
            RETURNING chunk_count
            """;
    private static final String PRESENT_BELOW_COUNT = """
            SELECT count(*) FROM snapshot_chunks WHERE tenant_id = ? AND snapshot_id = ? AND idx < ?
            """;
    private static final String LOAD = """
            SELECT body FROM snapshot_chunks WHERE tenant_id = ? AND snapshot_id = ? ORDER BY idx
            """;
    // NB: idle, not old: a slow agent on the HTTPS relay may take long, as long as chunks keep coming.
    private static final String EXPIRE_IDLE = """
            WITH expired AS (
                UPDATE snapshots s
                   SET status = 'expired', completed_at = now(),
                       reason = 'incomplete: no chunk for ' || ? || ', ' || s.chunks_received || ' of '
                                || coalesce(s.chunk_count::text, 'unknown') || ' chunks had arrived'
                 WHERE s.status = 'receiving'
                   AND s.first_chunk_at < now() - make_interval(secs => ?)
                   AND NOT EXISTS (SELECT 1 FROM snapshot_chunks c
                                    WHERE c.tenant_id = s.tenant_id AND c.snapshot_id = s.id
                                      AND c.received_at >= now() - make_interval(secs => ?))
                RETURNING s.tenant_id, s.id),
            dropped AS (
                DELETE FROM snapshot_chunks c USING expired e WHERE c.tenant_id = e.tenant_id AND c.snapshot_id = e.id)
            SELECT count(*) FROM expired
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public StagedChunks(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Staged stage(UUID tenantId, UUID clusterId, SnapshotChunk chunk, byte[] rawValue) {
        UUID snapshotId = UUID.fromString(chunk.snapshotId());
        return TenantContext.callAs(tenantId, () -> tx.execute(status -> {
            jdbc.update(CREATE_SNAPSHOT, snapshotId, tenantId, clusterId);
            Map<String, Object> row = jdbc.queryForMap(LOCK_SNAPSHOT, tenantId, snapshotId);
            if (!clusterId.equals(row.get("cluster_id"))) {
                throw new ChunkRejectedException("mismatched-cluster", "snapshot " + snapshotId + " belongs to another cluster");
            }
            if (!"receiving".equals(row.get("status"))) return Staged.ALREADY_DONE;
            boolean added = jdbc.update(INSERT_CHUNK, tenantId, snapshotId, chunk.index(), rawValue) == 1;
            Integer chunkCount = jdbc.queryForObject(COUNT_CHUNK, Integer.class, added ? 1 : 0, added ? chunk.objectCount() : 0,
                    chunk.last(), chunk.index() + 1, tenantId, snapshotId);
            if (chunkCount != null) {
                Long present = jdbc.queryForObject(PRESENT_BELOW_COUNT, Long.class, tenantId, snapshotId, chunkCount);
                if (present != null && present == chunkCount.longValue()) return Staged.COMPLETE;
            }
            return added ? Staged.STAGED : Staged.DUPLICATE;
        }));
    }

    /** The staged chunk values of a snapshot, in index order; call in the tenant's scope. */
    public List<byte[]> chunksOf(UUID tenantId, UUID snapshotId) {
        return TenantContext.callAs(tenantId, () -> jdbc.query(LOAD, (rs, i) -> rs.getBytes(1), tenantId, snapshotId));
    }

    /** Expires snapshots of every tenant that stopped receiving chunks {@code idle} ago; returns how many. */
    public int expireIdle(Duration idle) {
        long seconds = Math.max(0, idle.toSeconds());
        return TenantContext.callAsSystem("expire stale snapshots of every tenant", () -> tx.execute(status -> {
            Long n = jdbc.queryForObject(EXPIRE_IDLE, Long.class, idle.toString(), seconds, seconds);
            return n == null ? 0 : n.intValue();
        }));
    }
}
