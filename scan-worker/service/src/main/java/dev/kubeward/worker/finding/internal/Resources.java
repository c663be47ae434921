package dev.kubeward.worker.finding.internal;

import dev.kubeward.worker.finding.ResourceRow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The latest body of every object of a cluster, and the drift between scans. Only rows whose body hash
 * changed (or that appeared or vanished) are written: re-scanning an unchanged 100k-object cluster touches
 * no resource row. NB: so {@code last_seen} is when a row was last written; for a live row (no
 * {@code deleted_at}) the cluster's {@code last_snapshot_at} says when it was last seen.
 */
public class Resources {

    private static final String LOAD = """
            SELECT kind, namespace, name, body_hash, deleted_at IS NOT NULL AS deleted
              FROM resources WHERE tenant_id = ? AND cluster_id = ?
            """;
    private static final String UPSERT = """
            INSERT INTO resources (tenant_id, cluster_id, api_version, kind, namespace, name, body, body_hash,
                                   first_seen, last_seen, changed_at, deleted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, NULL)
            ON CONFLICT (tenant_id, cluster_id, kind, namespace, name) DO UPDATE
               SET api_version = EXCLUDED.api_version, body = EXCLUDED.body, body_hash = EXCLUDED.body_hash,
                   last_seen = EXCLUDED.last_seen, changed_at = EXCLUDED.changed_at, deleted_at = NULL
            """;
    private static final String MARK_REMOVED = """
            UPDATE resources SET deleted_at = ?, last_seen = ?
             WHERE tenant_id = ? AND cluster_id = ? AND kind = ? AND namespace = ? AND name = ?
            """;
    private static final String RECORD_CHANGE = """
            INSERT INTO resource_changes (tenant_id, scan_id, cluster_id, kind, namespace, name, change)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;

    public Resources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of what a sync changed. */
    public record Drift(int added, int changed, int removed) {
    }

    private record Known(String kind, String namespace, String name, byte[] hash, boolean deleted) {
        String key() {
            return kind + '\u0000' + namespace + '\u0000' + name;
        }
    }

    private record Change(String kind, String namespace, String name, String change) {
    }

    public Drift sync(UUID tenantId, UUID clusterId, UUID scanId, Instant at, List<ResourceRow> rows) {
        Map<String, Known> known = new HashMap<>();
        jdbc.query(LOAD, rs -> {
            Known k = new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5));
            known.put(k.key(), k);
        }, tenantId, clusterId);

        List<ResourceRow> write = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (ResourceRow row : rows) {
            present.add(row.key());
            Known k = known.get(row.key());
            if (k == null || k.deleted()) {
                write.add(row);
                changes.add(new Change(row.kind(), row.namespace(), row.name(), "added"));
            } else if (!Arrays.equals(k.hash(), row.hash())) {
                write.add(row);
                changes.add(new Change(row.kind(), row.namespace(), row.name(), "changed"));
            }
        }
        List<Known> removed = known.values().stream().filter(k -> !k.deleted() && !present.contains(k.key())).toList();
        removed.forEach(k -> changes.add(new Change(k.kind(), k.namespace(), k.name(), "removed")));

        Timestamp ts = Timestamp.from(at);
        jdbc.batchUpdate(UPSERT, write, 500, (ps, r) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, clusterId);
            ps.setString(3, r.apiVersion());
            ps.setString(4, r.kind());
            ps.setString(5, r.namespace());
            ps.setString(6, r.name());
            ps.setString(7, r.body());
            ps.setBytes(8, r.hash());
            ps.setTimestamp(9, ts);
            ps.setTimestamp(10, ts);
            ps.setTimestamp(11, ts);
        });
        jdbc.batchUpdate(MARK_REMOVED, removed, 500, (ps, k) -> {
            ps.setTimestamp(1, ts);
            ps.setTimestamp(2, ts);
            ps.setObject(3, tenantId);
            ps.setObject(4, clusterId);
            ps.setString(5, k.kind());
            ps.setString(6, k.namespace());
            ps.setString(7, k.name());
        });
        jdbc.batchUpdate(RECORD_CHANGE, changes, 1000, (ps, c) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, scanId);
            ps.setObject(3, clusterId);
            ps.setString(4, c.kind());
            ps.setString(5, c.namespace());
            ps.setString(6, c.name());
            ps.setString(7, c.change());
        });
        long added = changes.stream().filter(c -> c.change().equals("added")).count();
        long changed = changes.stream().filter(c -> c.change().equals("changed")).count();
        return new Drift((int) added, (int) changed, removed.size());
    }
}
