package dev.kubeward.api.support;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.ProvisioningUserServices;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates isolated test tenants in the shared database: a tenant with one built-in-provider user and one
 * API token per role, and a registered cluster. Slugs are unique per call, so tests never see each
 * other's tenants.
 */
public final class TenantFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    /** A member of a test tenant; {@code username} signs in to the built-in provider with {@code password}. */
    public record TestUser(UUID id, String username, String email, String password, Role role) {
    }

    /** A test tenant. */
    public record TestTenant(UUID id, String slug, Map<Role, TestUser> users, Map<Role, String> tokens, Map<Role, UUID> tokenIds,
                             UUID clusterId, String clusterName) {
        public String token(Role role) {
            return tokens.get(role);
        }

        public TestUser user(Role role) {
            return users.get(role);
        }
    }

    private final JdbcTemplate jdbc;
    private final ApiTokens tokens;
    private final ClusterCredentials clusters;

    public TenantFixtures(JdbcTemplate jdbc, ApiTokens tokens, ClusterCredentials clusters) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clusters = clusters;
    }

    public TestTenant tenant(String prefix) {
        String slug = prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        UUID tenantId = UUID.randomUUID();
        TenantContext.runAsSystem("test fixture: tenant", () -> jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)",
                tenantId, slug, "Tenant " + slug));
        Map<Role, TestUser> users = new EnumMap<>(Role.class);
        Map<Role, String> toks = new EnumMap<>(Role.class);
        Map<Role, UUID> tokIds = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            users.put(role, user(tenantId, slug + "-" + role.dbValue(), role));
            ApiTokens.IssuedToken t = TenantContext.callAs(tenantId, () -> tokens.issue("it-" + role.dbValue(), role.dbValue(), "fixture",
                    Instant.now().plusSeconds(3600)));
            toks.put(role, t.token());
            tokIds.put(role, t.id());
        }
        String clusterName = "cluster-" + slug;
        UUID clusterId = TenantContext.callAs(tenantId, () -> clusters.register(clusterName, "eks")).clusterId();
        TenantContext.runAs(tenantId, () -> jdbc.update("""
                INSERT INTO invitations (id, tenant_id, email, role, invited_by) VALUES (?, ?, ?, 'viewer', 'fixture')""",
                UUID.randomUUID(), tenantId, "invitee-" + slug + "@example.test"));
        TenantContext.runAs(tenantId, () -> jdbc.update(
                "INSERT INTO audit_log (tenant_id, actor, action, target, source_ip) VALUES (?, 'fixture', 'fixture.created', ?, '127.0.0.1')",
                tenantId, "cluster:" + clusterId));
        return new TestTenant(tenantId, slug, users, toks, tokIds, clusterId, clusterName);
    }

    /** A built-in-provider account that is a member of the tenant (as if provisioned at an earlier sign-in). */
    public TestUser user(UUID tenantId, String username, Role role) {
        String password = "pw-" + UUID.randomUUID();
        String email = username + "@example.test";
        UUID userId = UUID.randomUUID();
        TenantContext.runAsSystem("test fixture: user", () -> {
            jdbc.update("INSERT INTO local_accounts (username, password_hash, email, display_name) VALUES (?, ?, ?, ?)",
                    username, BCRYPT.encode(password), email, "User " + username);
            jdbc.update("INSERT INTO users (id, issuer, subject, email, display_name) VALUES (?, ?, ?, ?, ?)",
                    userId, ProvisioningUserServices.BUILTIN_ISSUER, username, email, "User " + username);
            jdbc.update("INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, ?)", tenantId, userId, role.dbValue());
        });
        return new TestUser(userId, username, email, password, role);
    }

    /** An account of the built-in provider with an invitation only (no user row yet): provisioned at first sign-in. */
    public TestUser invitedAccount(UUID tenantId, String username, Role role) {
        String password = "pw-" + UUID.randomUUID();
        String email = username + "@example.test";
        TenantContext.runAsSystem("test fixture: invited account", () -> jdbc.update(
                "INSERT INTO local_accounts (username, password_hash, email, display_name) VALUES (?, ?, ?, ?)",
                username, BCRYPT.encode(password), email, "User " + username));
        TenantContext.runAs(tenantId, () -> jdbc.update(
                "INSERT INTO invitations (id, tenant_id, email, role, invited_by) VALUES (?, ?, ?, ?, 'fixture')",
                UUID.randomUUID(), tenantId, email, role.dbValue()));
        return new TestUser(null, username, email, password, role);
    }
}
