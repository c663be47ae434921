package dev.kubeward.db.token;

import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens for REST integrations: shown once at creation, stored only as a SHA-256 hash (a token is
 * 256 random bits, so a fast hash is enough — no dictionary to guard against), scoped to one tenant and one
 * role, optionally expiring, revocable, with a last-used time.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "kwt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as created: the only moment its value exists outside the caller's hands. */
    public record IssuedToken(UUID id, String token) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + "]";
        }
    }

    /** Who a presented token acts as. */
    public record TokenPrincipal(UUID tenantId, UUID tokenId, String name, String role) {
    }

    /** Creates a token in the current tenant. */
    public IssuedToken issue(String name, String role, String createdBy, Instant expiresAt) {
        UUID tenant = TenantContext.require();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO api_tokens (id, tenant_id, name, role, token_hash, token_prefix, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, name, role, hash(token), token.substring(0, 10), createdBy, expiresAt == null ? null : Timestamp.from(expiresAt));
        return new IssuedToken(id, token);
    }

    /**
     * Resolves a presented token to its tenant and role; empty when unknown, revoked or expired. Runs before
     * the tenant is known (the token is what tells it), hence the system scope; records the last use.
     */
    public Optional<TokenPrincipal> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
        byte[] h = hash(token);
        return TenantContext.callAsSystem("resolve the tenant of a presented API token", () -> {
            List<TokenPrincipal> rows = jdbc.query("""
                    UPDATE api_tokens SET last_used_at = now()
                    WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                    RETURNING tenant_id, id, name, role""",
                    (rs, i) -> new TokenPrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)), h);
            return rows.stream().findFirst();
        });
    }

    /** Revokes a token of the current tenant; false when no such token. */
    public boolean revoke(UUID tokenId) {
        return jdbc.update("UPDATE api_tokens SET revoked_at = now() WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL",
                TenantContext.require(), tokenId) == 1;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
