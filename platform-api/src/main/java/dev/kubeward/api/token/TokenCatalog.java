package dev.kubeward.api.token;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API token management for the current tenant. A token's value leaves this class exactly once, in the
 * {@link Created} answer of {@link #create}; listings show the id, name, prefix, role and dates only.
 * Tokens always expire (at most {@link #MAX_LIFETIME}) and a token cannot get a higher role than its creator.
 */
@Service
public class TokenCatalog {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    /** A token as listed: never its value. */
    public record TokenInfo(UUID id, String name, String prefix, Role role, String createdBy, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** The answer of a creation: the only time {@code token} is seen. */
    public record Created(TokenInfo info, String token) {
        @Override
        public String toString() {
            return "Created[" + info + "]";
        }
    }

    private static final RowMapper<TokenInfo> ROW = (rs, i) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            Role.fromDb(rs.getString(4)), rs.getString(5), ts(rs.getTimestamp(6)), ts(rs.getTimestamp(7)), ts(rs.getTimestamp(8)), ts(rs.getTimestamp(9)));
    private static final String SELECT = """
            SELECT id, name, token_prefix, role, created_by, created_at, expires_at, last_used_at, revoked_at
            FROM api_tokens WHERE tenant_id = ?""";

    private final JdbcTemplate jdbc;
    private final ApiTokens tokens;
    private final AuditLog audit;

    public TokenCatalog(JdbcTemplate jdbc, ApiTokens tokens, AuditLog audit) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.audit = audit;
    }

    public List<TokenInfo> list() {
        return jdbc.query(SELECT + " ORDER BY created_at DESC, id", ROW, TenantContext.require());
    }

    public Optional<TokenInfo> find(UUID id) {
        return jdbc.query(SELECT + " AND id = ?", ROW, TenantContext.require(), id).stream().findFirst();
    }

    public Created create(String name, Role role, Integer expiresInDays) {
        KubewardPrincipal who = CurrentTenant.require();
        if (name == null || name.isBlank() || name.length() > 100) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a name of 1 to 100 characters is required");
        if (!who.can(role)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "a token cannot have a higher role than its creator");
        Duration lifetime = expiresInDays == null ? DEFAULT_LIFETIME : Duration.ofDays(expiresInDays);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expiresInDays must be between 1 and " + MAX_LIFETIME.toDays());
        }
        if (jdbc.queryForObject("SELECT count(*) FROM api_tokens WHERE tenant_id = ? AND name = ?", Long.class, who.tenantId(), name.trim()) > 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a token with this name exists");
        }
        ApiTokens.IssuedToken issued = tokens.issue(name.trim(), role.dbValue(), who.name(), Instant.now().plus(lifetime));
        TokenInfo info = find(issued.id()).orElseThrow();
        audit.record("token.created", "token:" + info.id(), Map.of("name", info.name(), "role", role.dbValue(), "prefix", info.prefix(),
                "expiresAt", String.valueOf(info.expiresAt())));
        return new Created(info, issued.token());
    }

    public TokenInfo revoke(UUID id) {
        TokenInfo t = find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such token in this tenant"));
        if (tokens.revoke(id)) audit.record("token.revoked", "token:" + id, Map.of("name", t.name(), "prefix", t.prefix()));
        return find(id).orElseThrow();
    }

    private static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
