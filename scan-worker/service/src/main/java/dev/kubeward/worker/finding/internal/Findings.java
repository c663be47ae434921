package dev.kubeward.worker.finding.internal;

import dev.kubeward.worker.finding.FindingChange;
import dev.kubeward.worker.finding.FindingRow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Findings as state: one row per (cluster, control, resource), upserted every scan. Call inside the scan's
 * transaction, in the tenant's scope.
 */
public class Findings {

    /** Rows per upsert statement: arrays of this size bind fast and keep statements small. */
    static final int SLICE = 1000;

    // The input arrive as parallel arrays (unnest): one round trip per slice, RETURNING for every row, which a
    // JDBC batch cannot give. `prior` sees the table as it was before this statement (one snapshot for all of
    // a statement's parts), which tells reopened findings from ones that stayed open.
    private static final String UPSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS u(control_id, api_version, kind, namespace, name, severity,
                         rules, message, failed_paths, fix_paths, delete_paths, related)
            ),
            prior AS (
                SELECT f.id, f.status FROM findings f
                  JOIN input i ON f.control_id = i.control_id AND f.kind = i.kind AND f.namespace = i.namespace AND f.name = i.name
                 WHERE f.tenant_id = ? AND f.cluster_id = ?
            ),
            upserted AS (
                INSERT INTO findings AS f (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status,
                                           rules, message, failed_paths, fix_paths, delete_paths, related,
                                           first_seen, last_seen, last_scan_id)
                SELECT ?, ?, i.control_id, i.api_version, i.kind, i.namespace, i.name, i.severity, 'open',
                       ARRAY(SELECT jsonb_array_elements_text(i.rules::jsonb)), i.message, i.failed_paths::jsonb,
                       i.fix_paths::jsonb, i.delete_paths::jsonb, i.related::jsonb, ?, ?, ?
                  FROM input i
                ON CONFLICT (tenant_id, cluster_id, control_id, kind, namespace, name) DO UPDATE
                   SET api_version = EXCLUDED.api_version, severity = EXCLUDED.severity,
                       status = 'open', resolved_at = NULL,
                       rules = EXCLUDED.rules, message = EXCLUDED.message, failed_paths = EXCLUDED.failed_paths,
                       fix_paths = EXCLUDED.fix_paths, delete_paths = EXCLUDED.delete_paths, related = EXCLUDED.related,
                       last_seen = EXCLUDED.last_seen, last_scan_id = EXCLUDED.last_scan_id
                RETURNING f.id, f.control_id, f.severity, f.kind, f.namespace, f.name, (f.xmax = 0) AS inserted
            )
            SELECT u.id, u.control_id, u.severity, u.kind, u.namespace, u.name, u.inserted,
                   coalesce(p.status = 'resolved', false) AS reopened
              FROM upserted u LEFT JOIN prior p ON p.id = u.id
            """;

    // Every finding this scan produced now carries its id in last_scan_id; the open ones that do not were
    // not produced by this complete snapshot, so they are fixed.
    private static final String RESOLVE_MISSING = """
            UPDATE findings SET status = 'resolved', resolved_at = ?
             WHERE tenant_id = ? AND cluster_id = ? AND status = 'open' AND last_scan_id <> ? AND control_id = ANY (?)
            RETURNING id, control_id, severity, kind, namespace, name
            """;

    private static final String RECORD_CHANGE = """
            INSERT INTO finding_changes (tenant_id, scan_id, finding_id, change, at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, scan_id, finding_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    public Findings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An upserted finding and whether it was new or reopened by this scan. */
    public record Upserted(FindingChange finding, boolean inserted, boolean reopened) {
    }

    public List<Upserted> upsert(UUID tenantId, UUID clusterId, UUID scanId, Instant at, List<FindingRow> rows) {
        List<Upserted> out = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += SLICE) {
            List<FindingRow> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
            Timestamp ts = Timestamp.from(at);
            out.addAll(jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(UPSERT);
                int p = 1;
                for (Function<FindingRow, String> column : COLUMNS) ps.setArray(p++, array(con, slice, column));
                ps.setObject(p++, tenantId);
                ps.setObject(p++, clusterId);
                ps.setObject(p++, tenantId);
                ps.setObject(p++, clusterId);
                ps.setTimestamp(p++, ts);
                ps.setTimestamp(p++, ts);
                ps.setObject(p, scanId);
                return ps;
            }, (rs, i) -> new Upserted(new FindingChange(rs.getLong("id"), rs.getString("control_id"), rs.getString("severity"),
                    rs.getString("kind"), rs.getString("namespace"), rs.getString("name")),
                    rs.getBoolean("inserted"), rs.getBoolean("reopened"))));
        }
        return out;
    }

    /**
     * Resolves the open findings this scan no longer produces — only for the controls it evaluated: findings of
     * controls judged elsewhere (image-scan controls such as C-0083..C-0085) are not this scan's to close.
     */
    public List<FindingChange> resolveMissing(UUID tenantId, UUID clusterId, UUID scanId, Instant at, List<String> evaluatedControls) {
        return jdbc.execute((java.sql.Connection c) -> {
            java.sql.Array ids = c.createArrayOf("text", evaluatedControls.toArray());
            try (var ps = c.prepareStatement(RESOLVE_MISSING)) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setObject(2, tenantId);
                ps.setObject(3, clusterId);
                ps.setObject(4, scanId);
                ps.setArray(5, ids);
                List<FindingChange> out = new java.util.ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FindingChange(rs.getLong("id"), rs.getString("control_id"), rs.getString("severity"),
                                rs.getString("kind"), rs.getString("namespace"), rs.getString("name")));
                    }
                }
                return out;
            }
        });
    }

    /** Writes finding_changes rows; {@code change} is new, reopened or resolved. */
    public void recordChanges(UUID tenantId, UUID scanId, Instant at, String change, List<FindingChange> findings) {
        if (findings.isEmpty()) return;
        Timestamp ts = Timestamp.from(at);
        jdbc.batchUpdate(RECORD_CHANGE, findings, 1000, (ps, f) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, scanId);
            ps.setLong(3, f.id());
            ps.setString(4, change);
            ps.setTimestamp(5, ts);
        });
    }

    private static final List<Function<FindingRow, String>> COLUMNS = List.of(FindingRow::controlId, FindingRow::apiVersion,
            FindingRow::kind, FindingRow::namespace, FindingRow::name, FindingRow::severity, FindingRow::rulesJson,
            FindingRow::message, FindingRow::failedPathsJson, FindingRow::fixPathsJson, FindingRow::deletePathsJson,
            FindingRow::relatedJson);

    private static java.sql.Array array(Connection con, List<FindingRow> rows, Function<FindingRow, String> column) throws SQLException {
        return con.createArrayOf("text", rows.stream().map(column).toArray());
    }
}
