package dev.kubeward.db.cluster;

import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, rotates and looks up the HMAC secret of each cluster. The secret is shown once at registration
 * or rotation and stored encrypted; the worker and the HTTPS relay decrypt it to verify chunk signatures.
 */
@Component
public class ClusterCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public ClusterCredentials(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** What a registration or rotation returns: the only time the secret is seen in clear. */
    public record IssuedCredential(UUID clusterId, String secret) {
    }

    /** The tenant a cluster belongs to and its secret, for signature checks. */
    public record ClusterKey(UUID tenantId, UUID clusterId, byte[] secret) {
    }

    /** Registers a cluster in the current tenant. */
    @Transactional
    public IssuedCredential register(String name, String provider) {
        UUID tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        jdbc.update("INSERT INTO clusters (id, tenant_id, name, provider, secret_ciphertext) VALUES (?, ?, ?, ?, ?)",
                id, tenant, name, provider == null ? "unknown" : provider, cipher.encrypt(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new IssuedCredential(id, secret);
    }

    /** Replaces the secret of a cluster of the current tenant; the old one stops working at once. */
    @Transactional
    public Optional<IssuedCredential> rotate(UUID clusterId) {
        UUID tenant = TenantContext.require();
        String secret = newSecret();
        int n = jdbc.update("UPDATE clusters SET secret_ciphertext = ?, secret_rotated_at = now() WHERE tenant_id = ? AND id = ?",
                cipher.encrypt(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)), tenant, clusterId);
        return n == 1 ? Optional.of(new IssuedCredential(clusterId, secret)) : Optional.empty();
    }

    /**
     * Finds a cluster by id across tenants: the one lookup that must precede knowing the tenant, because
     * the tenant is derived from the cluster, never read from the payload.
     */
    public Optional<ClusterKey> keyOf(UUID clusterId) {
        return TenantContext.callAsSystem("derive the tenant of an incoming chunk from its cluster", () -> {
            List<ClusterKey> rows = jdbc.query("SELECT tenant_id, id, secret_ciphertext FROM clusters WHERE id = ?",
                    (rs, i) -> new ClusterKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), cipher.decrypt(rs.getBytes(3))),
                    clusterId);
            return rows.stream().findFirst();
        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "kwcs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
