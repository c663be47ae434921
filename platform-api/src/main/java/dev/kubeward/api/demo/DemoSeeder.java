package dev.kubeward.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.api.demo.DemoDefinition.DemoCluster;
import dev.kubeward.api.demo.DemoDefinition.DemoTenant;
import dev.kubeward.api.demo.DemoDefinition.DemoUser;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Creates the demo tenants once: tenants, built-in provider accounts with random passwords, invitations
 * that put those accounts into their tenant at first sign-in, an API token per tenant, and the clusters
 * (each with the credential its demo agent signs with). Writes {@code demo-credentials.json} (owner-only)
 * for people and smoke tests; the agents' own credentials go to {@code demo-agents/}, as a real agent's
 * would live in its cluster.
 *
 * <p>Seeding is all or nothing, so a start interrupted while seeding (Ctrl-C during the password hashing) seeds
 * again cleanly next time: every row goes in one transaction, the files are written beside their final names
 * first and moved into place after the commit, {@code agents.json} last, since its presence means "seeded".
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final JdbcTemplate jdbc;
    private final ApiTokens tokens;
    private final ClusterCredentials clusters;
    private final TransactionTemplate tx;

    DemoSeeder(JdbcTemplate jdbc, ApiTokens tokens, ClusterCredentials clusters, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clusters = clusters;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A demo cluster with the credential its agent uses. */
    record SeededCluster(String tenant, DemoCluster definition, String clusterId, String secret) {
    }

    boolean alreadySeeded(Path dataDir) {
        return Files.exists(agentsFile(dataDir));
    }

    List<SeededCluster> seed(DemoDefinition demo, Path dataDir, String baseUrl) {
        Path credentialsFile = dataDir.resolve("demo-credentials.json");
        // one transaction as the system: the connection bound to it keeps the owner's role while the services
        // below take their tenant from the nested scopes, so rows of both tenants commit (or vanish) together
        List<SeededCluster> seeded = TenantContext.callAsSystem("seed the demo tenants atomically",
                () -> tx.execute(status -> insert(demo, dataDir, baseUrl, pending(credentialsFile))));
        moveIntoPlace(pending(credentialsFile), credentialsFile);
        moveIntoPlace(pending(agentsFile(dataDir)), agentsFile(dataDir));
        log.info("Demo tenants created; credentials in {}", credentialsFile);
        return seeded;
    }

    private List<SeededCluster> insert(DemoDefinition demo, Path dataDir, String baseUrl, Path credentialsFile) {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        ObjectNode credentials = JSON.createObjectNode();
        credentials.put("url", baseUrl);
        credentials.put("signIn", "Open the URL and sign in with one of the users below (built-in OIDC provider).");
        ArrayNode tenantsJson = credentials.putArray("tenants");
        List<SeededCluster> seeded = new ArrayList<>();
        for (DemoTenant t : demo.tenants()) {
            UUID tenantId = UUID.randomUUID();
            TenantContext.runAsSystem("create a demo tenant", () ->
                    jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", tenantId, t.slug(), t.name()));
            ObjectNode tj = tenantsJson.addObject();
            tj.put("slug", t.slug()).put("name", t.name());
            ArrayNode users = tj.putArray("users");
            for (DemoUser u : t.users()) {
                String password = randomPassword();
                TenantContext.runAsSystem("create a demo account of the built-in provider", () -> jdbc.update(
                        "INSERT INTO local_accounts (username, password_hash, email, display_name) VALUES (?, ?, ?, ?)",
                        u.username(), encoder.encode(password), u.email(), u.name()));
                TenantContext.runAs(tenantId, () -> jdbc.update(
                        "INSERT INTO invitations (id, tenant_id, email, role, invited_by) VALUES (?, ?, ?, ?, 'demo')",
                        UUID.randomUUID(), tenantId, u.email(), u.role()));
                users.addObject().put("username", u.username()).put("password", password).put("email", u.email()).put("role", u.role());
            }
            String token = TenantContext.callAs(tenantId, () -> tokens.issue("demo-integration", "analyst", "demo", null).token());
            tj.put("apiToken", token);
            ArrayNode cj = tj.putArray("clusters");
            for (DemoCluster c : t.clusters()) {
                ClusterCredentials.IssuedCredential cred = TenantContext.callAs(tenantId, () -> clusters.register(c.name(), c.provider()));
                TenantContext.runAs(tenantId, () -> jdbc.update("UPDATE clusters SET region = ? WHERE tenant_id = ? AND id = ?",
                        c.region(), tenantId, cred.clusterId()));
                seeded.add(new SeededCluster(t.slug(), c, cred.clusterId().toString(), cred.secret()));
                cj.addObject().put("name", c.name()).put("id", cred.clusterId().toString()).put("provider", c.provider());
            }
        }
        writeOwnerOnly(credentialsFile, credentials);
        ObjectNode agents = JSON.createObjectNode();
        ArrayNode list = agents.putArray("agents");
        seeded.forEach(s -> list.addObject().put("tenant", s.tenant()).put("cluster", s.definition().name())
                .put("clusterId", s.clusterId()).put("secret", s.secret()));
        writeOwnerOnly(pending(agentsFile(dataDir)), agents);
        return seeded;
    }

    /** The demo agents' credentials from an earlier start. */
    List<SeededCluster> load(DemoDefinition demo, Path dataDir) {
        try {
            List<SeededCluster> out = new ArrayList<>();
            for (var a : JSON.readTree(agentsFile(dataDir).toFile()).path("agents")) {
                DemoCluster def = demo.tenants().stream().flatMap(t -> t.clusters().stream())
                        .filter(c -> c.name().equals(a.path("cluster").asText())).findFirst().orElse(null);
                if (def != null) out.add(new SeededCluster(a.path("tenant").asText(), def, a.path("clusterId").asText(), a.path("secret").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path agentsFile(Path dataDir) {
        return dataDir.resolve("demo-agents").resolve("agents.json");
    }

    private static Path pending(Path file) {
        return file.resolveSibling(file.getFileName() + ".pending");
    }

    private static void moveIntoPlace(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void writeOwnerOnly(Path file, Object json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(json));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
