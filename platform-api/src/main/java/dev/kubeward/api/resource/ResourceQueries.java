package dev.kubeward.api.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** The resource page: one object of one cluster, its findings and related objects. */
@Service
public class ResourceQueries {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ClusterQueries clusters;
    private final FindingQueries findings;
    private final RelatedObjects related;

    public ResourceQueries(JdbcTemplate jdbc, ClusterQueries clusters, FindingQueries findings, RelatedObjects related) {
        this.jdbc = jdbc;
        this.clusters = clusters;
        this.findings = findings;
        this.related = related;
    }

    /** {@code namespace} "" for cluster-scoped objects. */
    public ResourceView get(UUID clusterId, String kind, String namespace, String name) {
        String clusterName = clusters.requireName(clusterId);
        String ns = namespace == null ? "" : namespace;
        List<ResourceView> rows = jdbc.query("""
                SELECT api_version, body::text AS body, first_seen, last_seen, changed_at, deleted_at FROM resources
                 WHERE tenant_id = ? AND cluster_id = ? AND kind = ? AND namespace = ? AND name = ?
                """, (rs, i) -> new ResourceView(clusterId, clusterName, rs.getString("api_version"), kind, ns, name,
                instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "changed_at"), instant(rs, "deleted_at"),
                parse(rs.getString("body")), null, null, null), Tenant.current(), clusterId, kind, ns, name);
        if (rows.isEmpty()) throw new NotFoundException("resource", kind + "/" + (ns.isEmpty() ? "" : ns + "/") + name);
        ResourceView r = rows.get(0);
        List<FindingSummary> own = findings.forResource(clusterId, kind, ns, name);
        return new ResourceView(clusterId, clusterName, r.apiVersion(), kind, ns, name, r.firstSeen(), r.lastSeen(), r.changedAt(),
                r.deletedAt(), r.body(), yaml(r.body()), own, related.of(clusterId, kind, ns, name, r.body()));
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable resource body", e);
        }
    }

    private static String yaml(Map<String, Object> body) {
        try {
            return YAML.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render YAML", e);
        }
    }
}
