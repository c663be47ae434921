package dev.kubeward.api.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.engine.rule.ControlInputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Kubescape's control inputs for a tenant: the defaults, overridden by {@code tenants.settings.controlInputs}
 * (name → array of strings, as in Kubescape's {@code controls-inputs.json}) when the tenant set any.
 */
@Component
public class TenantControlInputs {

    private final JdbcTemplate jdbc;

    public TenantControlInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ControlInputs of(UUID tenant) {
        List<String> json = jdbc.queryForList("SELECT settings -> 'controlInputs' FROM tenants WHERE id = ?", String.class, tenant);
        if (json.isEmpty() || json.get(0) == null) return ControlInputs.defaults();
        try {
            JsonNode node = ChunkCodec.mapper().readTree(json.get(0));
            return node.isObject() ? ControlInputs.defaults().with(node) : ControlInputs.defaults();
        } catch (JsonProcessingException e) {
            return ControlInputs.defaults();
        }
    }
}
