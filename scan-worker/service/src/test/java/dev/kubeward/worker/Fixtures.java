package dev.kubeward.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.Uuid7;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test objects of a realistic cluster (a mix of good and bad workloads, RBAC, secrets) and signed chunks of them. */
public final class Fixtures {

    public static final ObjectMapper JSON = ChunkCodec.mapper();
    public static final ClusterMetadata EKS = new ClusterMetadata("eks", "EKS 1.29", "v1.29.3-eks-1", 3);

    private Fixtures() {
    }

    /** A chunk as it goes on the wire: its bytes and the signature header. */
    public record Signed(SnapshotChunk chunk, byte[] bytes, String signature) {
    }

    /** Roughly {@code 6 × workloads + namespaces} objects. */
    public static List<JsonNode> cluster(int workloads) {
        List<JsonNode> out = new ArrayList<>();
        int namespaces = Math.max(1, workloads / 10);
        for (int n = 0; n < namespaces; n++) out.add(namespace("ns-" + n));
        out.add(clusterRole("wide-open", "*", "*"));
        out.add(clusterRoleBinding("wide-open-binding", "wide-open", "ns-0", "builder"));
        for (int i = 0; i < workloads; i++) {
            String ns = "ns-" + (i % namespaces);
            out.add(deployment(ns, "app-" + i, i % 3 == 0, i % 5 == 0, i % 2 == 0));
            out.add(service(ns, "svc-" + i, i % 7 == 0 ? "LoadBalancer" : "ClusterIP"));
            out.add(serviceAccount(ns, "sa-" + i));
            out.add(configMap(ns, "cm-" + i, i % 4 == 0));
            out.add(secret(ns, "secret-" + i));
            out.add(role(ns, "role-" + i, i % 6 == 0 ? "secrets" : "configmaps"));
        }
        return out;
    }

    public static ObjectNode namespace(String name) {
        ObjectNode o = object("v1", "Namespace", null, name);
        ((ObjectNode) o.get("metadata")).putObject("labels").put("kubernetes.io/metadata.name", name);
        return o;
    }

    public static ObjectNode deployment(String ns, String name, boolean privileged, boolean hostNetwork, boolean limits) {
        ObjectNode o = object("apps/v1", "Deployment", ns, name);
        ObjectNode spec = o.putObject("spec");
        spec.put("replicas", 2);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        ObjectNode pod = template.putObject("spec");
        if (hostNetwork) pod.put("hostNetwork", true);
        ObjectNode c = pod.putArray("containers").addObject();
        c.put("name", "main").put("image", "registry.example.com/" + name + ":1.0");
        if (privileged) c.putObject("securityContext").put("privileged", true);
        else c.putObject("securityContext").put("runAsNonRoot", true).put("allowPrivilegeEscalation", false)
                .put("readOnlyRootFilesystem", true);
        if (limits) {
            ObjectNode r = c.putObject("resources");
            r.putObject("limits").put("cpu", "500m").put("memory", "256Mi");
            r.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
        }
        return o;
    }

    public static ObjectNode service(String ns, String name, String type) {
        ObjectNode o = object("v1", "Service", ns, name);
        ObjectNode spec = o.putObject("spec");
        spec.put("type", type);
        spec.putObject("selector").put("app", name.replace("svc-", "app-"));
        spec.putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
        return o;
    }

    public static ObjectNode serviceAccount(String ns, String name) {
        return object("v1", "ServiceAccount", ns, name);
    }

    public static ObjectNode configMap(String ns, String name, boolean sensitive) {
        ObjectNode o = object("v1", "ConfigMap", ns, name);
        ObjectNode data = o.putObject("data");
        data.put("LOG_LEVEL", "info");
        if (sensitive) data.put("DB_PASSWORD", "hunter2");
        return o;
    }

    public static ObjectNode secret(String ns, String name) {
        ObjectNode o = object("v1", "Secret", ns, name);
        o.put("type", "Opaque");
        o.putObject("data").put("token", "c2VjcmV0");
        return o;
    }

    public static ObjectNode role(String ns, String name, String resource) {
        ObjectNode o = object("rbac.authorization.k8s.io/v1", "Role", ns, name);
        ObjectNode rule = o.putArray("rules").addObject();
        rule.putArray("apiGroups").add("");
        rule.putArray("resources").add(resource);
        rule.putArray("verbs").add("get").add("list");
        return o;
    }

    public static ObjectNode clusterRole(String name, String resource, String verb) {
        ObjectNode o = object("rbac.authorization.k8s.io/v1", "ClusterRole", null, name);
        ObjectNode rule = o.putArray("rules").addObject();
        rule.putArray("apiGroups").add("*");
        rule.putArray("resources").add(resource);
        rule.putArray("verbs").add(verb);
        return o;
    }

    public static ObjectNode clusterRoleBinding(String name, String role, String saNamespace, String sa) {
        ObjectNode o = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, name);
        o.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole").put("name", role);
        ArrayNode subjects = o.putArray("subjects");
        subjects.addObject().put("kind", "ServiceAccount").put("name", sa).put("namespace", saNamespace);
        return o;
    }

    private static ObjectNode object(String apiVersion, String kind, String ns, String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (ns != null) meta.put("namespace", ns);
        return o;
    }

    /** A new snapshot of {@code objects} in chunks of {@code perChunk} objects, signed with {@code secret}. */
    public static List<Signed> snapshot(String clusterId, List<JsonNode> objects, int perChunk, String secret) {
        return snapshot(clusterId, Uuid7.next().toString(), objects, perChunk, secret);
    }

    public static List<Signed> snapshot(String clusterId, String snapshotId, List<JsonNode> objects, int perChunk, String secret) {
        List<Signed> out = new ArrayList<>();
        int chunks = Math.max(1, (objects.size() + perChunk - 1) / perChunk);
        for (int i = 0; i < chunks; i++) {
            List<JsonNode> part = objects.subList(Math.min(objects.size(), i * perChunk), Math.min(objects.size(), (i + 1) * perChunk));
            SnapshotChunk chunk = new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION, clusterId, snapshotId, i, i == chunks - 1, part.size(),
                    "0.1.0-test", Instant.parse("2026-11-26T12:00:00Z"), EKS, part);
            out.add(sign(chunk, secret));
        }
        return out;
    }

    public static Signed sign(SnapshotChunk chunk, String secret) {
        byte[] bytes = ChunkCodec.encode(chunk);
        return new Signed(chunk, bytes, ChunkSigner.sign(secret.getBytes(StandardCharsets.UTF_8), bytes));
    }

    public static String signature(byte[] value, String secret) {
        return ChunkSigner.sign(secret.getBytes(StandardCharsets.UTF_8), value);
    }
}
