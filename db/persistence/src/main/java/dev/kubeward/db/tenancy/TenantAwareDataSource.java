package dev.kubeward.db.tenancy;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Puts the thread's tenant into every connection handed out: the session switches to the unprivileged
 * role {@code kubeward_app} (subject to row-level security) with {@code kubeward.tenant_id} set. With no
 * tenant in scope the setting is empty and every tenant table reads as empty. Only
 * {@link TenantContext#callAsSystem} gets the owner's role back, which bypasses row-level security.
 */
public class TenantAwareDataSource extends DelegatingDataSource {

    private static final String AS_TENANT = "SELECT set_config('role', 'kubeward_app', false), set_config('kubeward.tenant_id', ?, false)";
    private static final String AS_SYSTEM = "SELECT set_config('role', 'none', false), set_config('kubeward.tenant_id', '', false)";

    public TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection c) throws SQLException {
        TenantContext.Scope scope = TenantContext.scope();
        try {
            if (scope instanceof TenantContext.SystemScope) {
                try (PreparedStatement ps = c.prepareStatement(AS_SYSTEM)) {
                    ps.execute();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(AS_TENANT)) {
                    ps.setString(1, scope instanceof TenantContext.TenantScope t ? t.tenantId().toString() : "");
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
