package dev.kubeward.db.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's own values for Kubescape's control inputs ({@code tenants.settings.controlInputs}: input name → array of
 * strings, as in Kubescape's {@code controls-inputs.json}); the engine lays them over its defaults. Read by the scan
 * worker for every scan and by the platform wherever it applies controls itself, in the tenant's own scope, so one
 * tenant's values can never reach another's scan. An input set to {@code []} stays empty (e.g. "no capability is
 * insecure here"); a scalar counts as a one-element list.
 */
@Component
public class ControlInputOverrides {

    private static final String SQL = """
            SELECT e.key, v.item
            FROM tenants t
            CROSS JOIN LATERAL jsonb_each(CASE jsonb_typeof(t.settings -> 'controlInputs')
                                          WHEN 'object' THEN t.settings -> 'controlInputs' ELSE '{}'::jsonb END) e
            LEFT JOIN LATERAL jsonb_array_elements_text(CASE jsonb_typeof(e.value)
                                          WHEN 'array' THEN e.value ELSE jsonb_build_array(e.value #>> '{}') END)
                      WITH ORDINALITY v(item, n) ON true
            WHERE t.id = ?
            ORDER BY e.key, v.n""";

    private final JdbcTemplate jdbc;

    public ControlInputOverrides(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Input name → the tenant's values; empty when the tenant keeps every default. */
    public Map<String, List<String>> of(UUID tenant) {
        Map<String, List<String>> overrides = new LinkedHashMap<>();
        TenantContext.runAs(tenant, () -> jdbc.query(SQL, rs -> {
            List<String> values = overrides.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
            String item = rs.getString(2);
            if (item != null) values.add(item);
        }, tenant));
        return overrides;
    }
}
