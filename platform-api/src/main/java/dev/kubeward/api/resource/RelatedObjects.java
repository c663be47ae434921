package dev.kubeward.api.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.query.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds what an object is tied to from the latest manifests: owners and owned objects, its service account
 * and the bindings that grant it roles, Services and NetworkPolicies that select its pods, and objects its
 * findings name as evidence.
 */
@Component
class RelatedObjects {

    private static final String[][] POD_TEMPLATE = {{"spec"}, {"spec", "template", "spec"}, {"spec", "jobTemplate", "spec", "template", "spec"}};

    private final JdbcTemplate jdbc;

    RelatedObjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RelatedObject> of(UUID clusterId, String kind, String ns, String name, Map<String, Object> body) {
        UUID tenant = Tenant.current();
        JsonNode node = ResourceQueries.JSON.valueToTree(body);
        LinkedHashSet<RelatedObject> out = new LinkedHashSet<>();
        node.path("metadata").path("ownerReferences").forEach(o -> out.add(new RelatedObject(o.path("kind").asText(), ns, o.path("name").asText(), "owner")));
        String owner = ResourceQueries.JSON.createArrayNode().addObject().put("kind", kind).put("name", name).toString();
        out.addAll(query("SELECT kind, namespace, name, 'owned' FROM resources WHERE tenant_id = ? AND cluster_id = ? AND namespace = ?"
                + " AND deleted_at IS NULL AND body -> 'metadata' -> 'ownerReferences' @> ?::jsonb", tenant, clusterId, ns, "[" + owner + "]"));
        JsonNode podSpec = podSpec(node, kind);
        if (podSpec != null) {
            out.add(new RelatedObject("ServiceAccount", ns, podSpec.path("serviceAccountName").asText("default"), "serviceAccount"));
            String labels = podLabels(node, kind).toString();
            out.addAll(query("""
                    SELECT kind, namespace, name, 'exposedBy' FROM resources WHERE tenant_id = ? AND cluster_id = ? AND namespace = ?
                       AND kind = 'Service' AND deleted_at IS NULL AND body -> 'spec' -> 'selector' <> '{}'::jsonb
                       AND body -> 'spec' -> 'selector' <@ ?::jsonb
                    UNION ALL
                    SELECT kind, namespace, name, 'policy' FROM resources WHERE tenant_id = ? AND cluster_id = ? AND namespace = ?
                       AND kind = 'NetworkPolicy' AND deleted_at IS NULL
                       AND coalesce(body #> '{spec,podSelector,matchLabels}', '{}'::jsonb) <@ ?::jsonb
                    """, tenant, clusterId, ns, labels, tenant, clusterId, ns, labels));
        }
        if ("ServiceAccount".equals(kind)) {
            String subject = ResourceQueries.JSON.createArrayNode().addObject().put("kind", "ServiceAccount").put("name", name).put("namespace", ns).toString();
            out.addAll(query("""
                    SELECT kind, namespace, name, 'boundBy' FROM resources WHERE tenant_id = ? AND cluster_id = ?
                       AND kind IN ('RoleBinding', 'ClusterRoleBinding') AND deleted_at IS NULL AND body -> 'subjects' @> ?::jsonb
                    """, tenant, clusterId, "[" + subject + "]"));
        }
        out.addAll(query("""
                SELECT DISTINCT e ->> 'kind', coalesce(e ->> 'namespace', ''), e ->> 'name', 'evidence'
                  FROM findings f, jsonb_array_elements(f.related) e
                 WHERE f.tenant_id = ? AND f.cluster_id = ? AND f.kind = ? AND f.namespace = ? AND f.name = ? AND f.status = 'open'
                """, tenant, clusterId, kind, ns, name));
        return new ArrayList<>(out);
    }

    private List<RelatedObject> query(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new RelatedObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), args);
    }

    private static JsonNode podSpec(JsonNode node, String kind) {
        if ("Pod".equals(kind)) return node.path("spec");
        for (String[] path : POD_TEMPLATE) {
            JsonNode n = node;
            for (String p : path) n = n.path(p);
            if (n.has("containers")) return n;
        }
        return null;
    }

    private static JsonNode podLabels(JsonNode node, String kind) {
        if ("Pod".equals(kind)) {
            JsonNode labels = node.path("metadata").path("labels");
            return labels.isObject() ? labels : ResourceQueries.JSON.createObjectNode();
        }
        JsonNode t = node.path("spec").path("template");
        if (t.isMissingNode()) t = node.path("spec").path("jobTemplate").path("spec").path("template");
        JsonNode labels = t.path("metadata").path("labels");
        return labels.isObject() ? labels : ResourceQueries.JSON.createObjectNode();
    }
}
