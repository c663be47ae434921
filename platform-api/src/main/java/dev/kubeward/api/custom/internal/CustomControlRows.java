package dev.kubeward.api.custom.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.custom.CustomControlView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code custom_controls} table; every statement names the tenant (row-level security is the second wall). */
@Repository
public class CustomControlRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            id, control_id, name, description, severity, remediation, match_kinds, namespace_selector::text, expression,
            message_expression, enabled, created_by, created_at, updated_by, updated_at""";

    private final JdbcTemplate jdbc;

    public CustomControlRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomControlView> list(UUID tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM custom_controls WHERE tenant_id = ? ORDER BY control_id", MAPPER, tenant);
    }

    public Optional<CustomControlView> find(UUID tenant, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM custom_controls WHERE tenant_id = ? AND id = ?", MAPPER, tenant, id).stream().findFirst();
    }

    public boolean controlIdTaken(UUID tenant, String controlId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM custom_controls WHERE tenant_id = ? AND control_id = ?", Integer.class, tenant, controlId);
        return n != null && n > 0;
    }

    public void insert(UUID tenant, CustomControlView c) {
        jdbc.update("""
                INSERT INTO custom_controls (id, tenant_id, control_id, name, description, severity, remediation, match_kinds,
                                             namespace_selector, expression, message_expression, enabled, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""",
                c.id(), tenant, c.controlId(), c.name(), c.description(), c.severity(), c.remediation(), c.matchKinds().toArray(String[]::new),
                json(c.namespaceSelector()), c.expression(), c.messageExpression(), c.enabled(), c.createdBy(), c.updatedBy());
    }

    public boolean update(UUID tenant, CustomControlView c) {
        return jdbc.update("""
                UPDATE custom_controls SET name = ?, description = ?, severity = ?, remediation = ?, match_kinds = ?, namespace_selector = ?::jsonb,
                       expression = ?, message_expression = ?, enabled = ?, updated_by = ?, updated_at = now()
                 WHERE tenant_id = ? AND id = ?""",
                c.name(), c.description(), c.severity(), c.remediation(), c.matchKinds().toArray(String[]::new), json(c.namespaceSelector()),
                c.expression(), c.messageExpression(), c.enabled(), c.updatedBy(), tenant, c.id()) == 1;
    }

    public boolean delete(UUID tenant, UUID id) {
        return jdbc.update("DELETE FROM custom_controls WHERE tenant_id = ? AND id = ?", tenant, id) == 1;
    }

    private static final RowMapper<CustomControlView> MAPPER = (rs, i) -> new CustomControlView(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), kinds(rs.getArray(7)), map(rs.getString(8)), rs.getString(9),
            rs.getString(10), rs.getBoolean(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
            rs.getTimestamp(15).toInstant());

    private static List<String> kinds(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable namespace selector", e);
        }
    }

    private static String json(Map<String, Object> m) {
        try {
            return m == null ? null : JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("namespace selector must be JSON", e);
        }
    }
}
