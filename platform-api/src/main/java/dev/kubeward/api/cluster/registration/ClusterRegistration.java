package dev.kubeward.api.cluster.registration;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.cluster.ClusterCredentials.IssuedCredential;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registering, rotating and removing clusters (admin actions, audited). The cluster secret and the install
 * command that carries it are returned once, by the call that created them; they are never logged.
 */
@Service
public class ClusterRegistration {

    static final Set<String> PROVIDERS = Set.of("eks", "aks", "gke", "openshift", "rke", "k3s", "kind", "onprem", "other", "unknown");

    /** What registration and rotation return. {@code installCommand} contains the secret. */
    public record Registered(UUID id, String name, String secret, String installCommand) {
        @Override
        public String toString() {
            return "Registered[id=" + id + ", name=" + name + "]";
        }
    }

    private final ClusterCredentials credentials;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final String chart;
    private final String kafkaForAgents;
    private final String publicUrl;

    public ClusterRegistration(ClusterCredentials credentials, JdbcTemplate jdbc, AuditLog audit,
                               @Value("${kubeward.agent.chart:deploy/helm/kubeward-agent}") String chart,
                               @Value("${kubeward.agent.kafka-bootstrap-servers:}") String kafkaForAgents,
                               @Value("${kubeward.public-url:}") String publicUrl) {
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.audit = audit;
        this.chart = chart;
        this.kafkaForAgents = kafkaForAgents;
        this.publicUrl = publicUrl;
    }

    public Registered register(String name, String provider, String requestBaseUrl) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name: lower-case letters, digits, '-' and '.', at most 63 characters");
        }
        String p = provider == null || provider.isBlank() ? "unknown" : provider.trim().toLowerCase();
        if (!PROVIDERS.contains(p)) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "provider: one of " + PROVIDERS);
        if (jdbc.queryForObject("SELECT count(*) FROM clusters WHERE tenant_id = ? AND name = ?", Long.class, TenantContext.require(), n) > 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a cluster with this name exists");
        }
        IssuedCredential c = credentials.register(n, p);
        audit.record("cluster.registered", "cluster:" + c.clusterId(), Map.of("name", n, "provider", p));
        return new Registered(c.clusterId(), n, c.secret(), installCommand(c, requestBaseUrl));
    }

    public Registered rotate(UUID clusterId, String requestBaseUrl) {
        String name = nameOf(clusterId);
        IssuedCredential c = credentials.rotate(clusterId).orElseThrow(ClusterRegistration::notFound);
        audit.record("cluster.secret_rotated", "cluster:" + clusterId, Map.of("name", name));
        return new Registered(clusterId, name, c.secret(), installCommand(c, requestBaseUrl).replace("helm install", "helm upgrade --install"));
    }

    public void delete(UUID clusterId) {
        String name = nameOf(clusterId);
        jdbc.update("DELETE FROM clusters WHERE tenant_id = ? AND id = ?", TenantContext.require(), clusterId);
        audit.record("cluster.deleted", "cluster:" + clusterId, Map.of("name", name));
    }

    /** The clusters of the current tenant, for the settings page. */
    public List<Map<String, Object>> list() {
        return jdbc.queryForList("""
                SELECT id, name, provider, region, created_at, secret_rotated_at, last_snapshot_at
                FROM clusters WHERE tenant_id = ? ORDER BY name""", TenantContext.require());
    }

    private String nameOf(UUID clusterId) {
        List<String> n = jdbc.queryForList("SELECT name FROM clusters WHERE tenant_id = ? AND id = ?", String.class, TenantContext.require(), clusterId);
        if (n.isEmpty()) throw notFound();
        return n.get(0);
    }

    /** A ready-to-run install of deploy/helm/kubeward-agent: Kafka if agents can reach it, else the HTTPS relay. */
    String installCommand(IssuedCredential c, String requestBaseUrl) {
        String target = !kafkaForAgents.isBlank()
                ? "--set kafka.bootstrapServers=" + kafkaForAgents
                : "--set relay.url=" + (publicUrl.isBlank() ? requestBaseUrl : publicUrl.replaceAll("/+$", ""));
        return "helm install kubeward-agent " + chart + " --namespace kubeward --create-namespace"
                + " --set clusterId=" + c.clusterId() + " --set clusterSecret=" + c.secret() + " " + target;
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such cluster in this tenant");
    }
}
