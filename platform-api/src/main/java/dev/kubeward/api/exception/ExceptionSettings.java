package dev.kubeward.api.exception;

import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Per-tenant exception settings, kept in {@code tenants.settings} under {@code exceptions}. */
@Component
public class ExceptionSettings {

    private final JdbcTemplate jdbc;

    public ExceptionSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** New exceptions are active at once, without an admin's approval. Off by default. */
    public boolean autoApprove() {
        Boolean on = jdbc.queryForObject("SELECT coalesce((settings #>> '{exceptions,autoApprove}')::boolean, false) FROM tenants WHERE id = ?",
                Boolean.class, TenantContext.require());
        return Boolean.TRUE.equals(on);
    }

    void setAutoApprove(boolean on) {
        jdbc.update("""
                UPDATE tenants SET settings = jsonb_set(jsonb_set(settings, '{exceptions}', coalesce(settings -> 'exceptions', '{}'::jsonb)),
                                                        '{exceptions,autoApprove}', to_jsonb(?::boolean))
                 WHERE id = ?""", on, TenantContext.require());
    }
}
