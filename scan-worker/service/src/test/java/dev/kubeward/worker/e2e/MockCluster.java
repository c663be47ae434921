package dev.kubeward.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.agent.collect.KindSpec;
import dev.kubeward.agent.collect.KubernetesKinds;
import dev.kubeward.worker.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * fabric8's mock API server in CRUD mode, loaded with a made-up EKS cluster: {@link Fixtures#cluster} (workloads,
 * services, RBAC, config maps with realistic bulk, secrets with values) plus nodes, pods and network policies.
 * The same objects can be dumped as YAML files, as kubectl would, for the CLI's side of a comparison.
 */
public final class MockCluster implements AutoCloseable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] WORDS = {"replica", "timeout", "endpoint", "cache", "region", "retry", "level", "pool",
            "shard", "token", "window", "quota", "bucket", "tenant", "route", "feature"};

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<JsonNode> objects;

    private MockCluster(List<JsonNode> objects) {
        this.objects = objects;
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        this.client = server.createClient();
        for (JsonNode o : objects) client.resource(o.toString()).create();
    }

    /** A cluster of roughly {@code 6 × workloads} objects, in about {@code workloads / 10} namespaces. */
    public static MockCluster start(int workloads) {
        return new MockCluster(objects(workloads));
    }

    public static List<JsonNode> objects(int workloads) {
        List<JsonNode> out = new ArrayList<>();
        Random random = new Random(workloads);
        for (int n = 0; n < 3; n++) {
            ObjectNode node = Fixtures.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Node");
            node.putObject("metadata").put("name", "ip-10-0-0-" + n + ".eu-west-1.compute.internal")
                    .putObject("labels").put("eks.amazonaws.com/nodegroup", "ng-1");
            node.putObject("spec").put("providerID", "aws:///eu-west-1a/i-000" + n);
            node.putObject("status").putObject("nodeInfo").put("kubeletVersion", "v1.29.3-eks-ae9a62a").put("operatingSystem", "linux");
            out.add(node);
        }
        for (JsonNode o : Fixtures.cluster(workloads)) {
            // real config maps carry configuration files: bulk that compresses like real JSON does, so snapshots span chunks
            if ("ConfigMap".equals(o.path("kind").asText())) ((ObjectNode) o.get("data")).put("app.properties", properties(random, 60));
            out.add(o);
        }
        int namespaces = Math.max(1, workloads / 10);
        for (int n = 0; n < namespaces; n++) {
            String ns = "ns-" + n;
            ObjectNode pod = Fixtures.deployment(ns, "pod-" + n, n % 4 == 0, false, n % 2 == 0);
            ObjectNode podJson = Fixtures.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
            podJson.putObject("metadata").put("name", "pod-" + n).put("namespace", ns).putObject("labels").put("app", "app-" + n);
            podJson.set("spec", pod.path("spec").path("template").path("spec"));
            out.add(podJson);
            if (n % 2 == 0) {
                ObjectNode policy = Fixtures.JSON.createObjectNode().put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
                policy.putObject("metadata").put("name", "default-deny").put("namespace", ns);
                policy.putObject("spec").putObject("podSelector");
                ((ObjectNode) policy.get("spec")).putArray("policyTypes").add("Ingress").add("Egress");
                out.add(policy);
            }
        }
        return out;
    }

    private static String properties(Random random, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append('.').append(WORDS[random.nextInt(WORDS.length)]).append('.')
                    .append(i).append('=').append(Long.toHexString(random.nextLong())).append('\n');
        }
        return b.toString();
    }

    public KubernetesClient client() {
        return client;
    }

    public List<JsonNode> objects() {
        return objects;
    }

    /**
     * Writes what {@code kubectl get <kind> -A -o yaml} would print for every kind the cluster holds, one file per
     * kind. NB: the objects as the API server returns them, not as they were created: the server adds
     * {@code uid}, {@code resourceVersion} and {@code creationTimestamp}, and controls read the latter
     * (KW-RBAC-H6 "recent grant").
     */
    public void dumpAsKubectlWould(Path dir) {
        Set<String> present = new HashSet<>();
        objects.forEach(o -> present.add(o.path("apiVersion").asText() + "/" + o.path("kind").asText()));
        try {
            for (KindSpec spec : KubernetesKinds.ALL) {
                String version = spec.versions().get(0);
                if (!present.contains(spec.apiVersion(version) + "/" + spec.kind())) continue;
                JsonNode list = Fixtures.JSON.readTree(client.raw(spec.listPath(version, null)));
                ObjectNode dump = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "List");
                ArrayNode items = dump.putArray("items");
                list.path("items").forEach(i -> items.add(((ObjectNode) i.deepCopy()).put("apiVersion", spec.apiVersion(version)).put("kind", spec.kind())));
                Files.writeString(dir.resolve(spec.label().replace('/', '_') + ".yaml"), YAML.writeValueAsString(dump));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
