package dev.kubeward.api.compliance.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.ui.YamlView;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evidence of one page of failing resources: failed paths and a fix patch per finding, read in one
 * query with the objects' manifests (a patch names list items by their {@code name}, which only the
 * manifest knows). Also the kinds and namespaces a control fails on, for the filters.
 */
@Component
class ControlEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    ControlEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code patch} empty when the rule proposes no fix (e.g. a binding to remove, not a field to set). */
    record Evidence(List<String> failedPaths, String patch, boolean hasFix) {
    }

    Map<Long, Evidence> of(List<Long> ids) {
        Map<Long, Evidence> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        jdbc.query("""
                SELECT f.id, f.failed_paths::text, f.fix_paths::text, f.delete_paths::text, r.body::text
                  FROM findings f LEFT JOIN resources r ON r.tenant_id = f.tenant_id AND r.cluster_id = f.cluster_id
                       AND r.kind = f.kind AND r.namespace = f.namespace AND r.name = f.name
                 WHERE f.tenant_id = ? AND f.id = ANY(?)
                """, rs -> {
            List<String> failed = strings(rs.getString(2));
            List<Map<String, Object>> fixes = maps(rs.getString(3));
            List<String> deletes = strings(rs.getString(4));
            Map<String, Object> body = rs.getString(5) == null ? Map.of() : read(rs.getString(5), MAP);
            String patch = fixes.isEmpty() && deletes.isEmpty() ? "" : YamlView.patch(body, fixes, deletes);
            out.put(rs.getLong(1), new Evidence(failed, patch, !patch.isEmpty()));
        }, TenantContext.require(), ids.toArray(Long[]::new));
        return out;
    }

    /**
     * The distinct kinds of the control's open findings. A control failing on most workloads has ~1M open findings but
     * a handful of kinds: a loose index scan (one index probe per kind on findings_open_by_control_kind) instead of
     * reading them all.
     */
    List<String> kinds(String controlId) {
        UUID tenant = TenantContext.require();
        return jdbc.queryForList("""
                WITH RECURSIVE k(kind) AS (
                    (SELECT kind FROM findings WHERE tenant_id = ? AND control_id = ? AND status = 'open' ORDER BY kind LIMIT 1)
                    UNION ALL
                    SELECT (SELECT f.kind FROM findings f WHERE f.tenant_id = ? AND f.control_id = ? AND f.status = 'open' AND f.kind > k.kind
                             ORDER BY f.kind LIMIT 1)
                      FROM k WHERE k.kind IS NOT NULL)
                SELECT kind FROM k WHERE kind IS NOT NULL ORDER BY kind
                """, String.class, tenant, controlId, tenant, controlId);
    }

    /** The first 300 distinct namespaces; tenant-wide as a loose index scan like {@link #kinds}. */
    List<String> namespaces(String controlId, UUID cluster) {
        UUID tenant = TenantContext.require();
        if (cluster != null) {
            return jdbc.queryForList("""
                    SELECT DISTINCT namespace FROM findings WHERE tenant_id = ? AND control_id = ? AND status = 'open'
                       AND cluster_id = ? ORDER BY namespace LIMIT 300
                    """, String.class, tenant, controlId, cluster);
        }
        return jdbc.queryForList("""
                WITH RECURSIVE n(namespace, depth) AS (
                    (SELECT namespace, 1 FROM findings WHERE tenant_id = ? AND control_id = ? AND status = 'open' ORDER BY namespace LIMIT 1)
                    UNION ALL
                    SELECT (SELECT f.namespace FROM findings f WHERE f.tenant_id = ? AND f.control_id = ? AND f.status = 'open'
                               AND f.namespace > n.namespace ORDER BY f.namespace LIMIT 1), n.depth + 1
                      FROM n WHERE n.namespace IS NOT NULL AND n.depth < 300)
                SELECT namespace FROM n WHERE namespace IS NOT NULL ORDER BY namespace
                """, String.class, tenant, controlId, tenant, controlId);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(String json) {
        if (json == null) return List.of();
        return read(json, LIST).stream().map(o -> o instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(o)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(String json) {
        if (json == null) return List.of();
        return read(json, LIST).stream().filter(o -> o instanceof Map).map(o -> (Map<String, Object>) o).toList();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable finding evidence", e);
        }
    }
}
