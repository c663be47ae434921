package dev.kubeward.api.query;

import dev.kubeward.db.tenancy.TenantContext;

import java.util.UUID;

/**
 * The tenant every query is scoped by. Row-level security already hides other tenants' rows; the explicit
 * {@code tenant_id = ?} is the first wall and lets PostgreSQL use the tenant-leading indexes.
 */
public final class Tenant {

    private Tenant() {
    }

    public static UUID current() {
        return TenantContext.require();
    }
}
