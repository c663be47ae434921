package dev.kubeward.worker.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.custom.CompiledCustomControl;
import dev.kubeward.engine.custom.CustomControl;
import dev.kubeward.engine.custom.CustomControlCompiler;
import dev.kubeward.engine.custom.InvalidCustomControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's enabled custom controls, read from {@code custom_controls} as that tenant (row-level security
 * applies) and compiled for one scan. They were validated on save; one that no longer compiles (a stricter
 * compiler after an upgrade) is left out with a warning rather than failing the tenant's whole scan.
 */
public class CustomControls {

    private static final Logger log = LoggerFactory.getLogger(CustomControls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOAD = """
            SELECT control_id, name, description, severity, remediation, match_kinds, namespace_selector::text,
                   expression, message_expression
              FROM custom_controls
             WHERE tenant_id = ? AND enabled
             ORDER BY control_id""";

    private final JdbcTemplate jdbc;
    private final CustomControlCompiler compiler;

    public CustomControls(JdbcTemplate jdbc) {
        this(jdbc, new CustomControlCompiler());
    }

    public CustomControls(JdbcTemplate jdbc, CustomControlCompiler compiler) {
        this.jdbc = jdbc;
        this.compiler = compiler;
    }

    public List<CompiledCustomControl> of(UUID tenantId) {
        List<CustomControl> defined = TenantContext.callAs(tenantId, () -> jdbc.query(LOAD, (rs, i) -> control(rs), tenantId));
        List<CompiledCustomControl> compiled = new ArrayList<>(defined.size());
        for (CustomControl c : defined) {
            try {
                compiled.add(compiler.compile(c));
            } catch (InvalidCustomControlException e) {
                log.warn("custom control {} of tenant {} no longer compiles and is not evaluated: {}", c.id(), tenantId, e.getMessage());
            }
        }
        return compiled;
    }

    private static CustomControl control(ResultSet rs) throws SQLException {
        return new CustomControl(rs.getString(1), rs.getString(2), rs.getString(3), Severity.parse(rs.getString(4)), rs.getString(5),
                kinds(rs.getArray(6)), selector(rs.getString(7)), rs.getString(8), rs.getString(9));
    }

    private static List<String> kinds(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static JsonNode selector(String json) {
        if (json == null) return null;
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable namespace selector", e);
        }
    }
}
