package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.contract.ClusterMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The collector against fabric8's mock API server in CRUD mode (paged like the real one), loaded with ~3,400 objects. */
class KubernetesApiSourceTest {

    private static final int NAMESPACES = 20;
    private static final int PODS_PER_NAMESPACE = 120;
    private static final PagingCrudDispatcher dispatcher = new PagingCrudDispatcher();
    private static KubernetesMockServer server;
    private static KubernetesClient client;
    private static List<ObjectNode> loaded;

    @BeforeAll
    static void startServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        // NB: the CRUD mock re-reads its whole store per request; on a loaded 2-core CI machine a request can
        // take longer than fabric8's 10 s default, which is a property of the mock, not of the collector.
        KubernetesClient mockClient = server.createClient();
        client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(mockClient.getConfiguration()).withRequestTimeout(120_000).build())
                .build();
        mockClient.close();
        ClusterFixture.registerCustomKinds(server);
        loaded = new ClusterFixture(NAMESPACES, PODS_PER_NAMESPACE).objects();
        ClusterFixture.load(client, loaded);
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.destroy();
    }

    @BeforeEach
    void resetRecording() {
        dispatcher.lists.clear();
        dispatcher.forbiddenPrefixes.clear();
        dispatcher.missingPrefixes.clear();
    }

    @Test
    void collectsEveryKindOfEveryNamespace() {
        List<ObjectNode> out = collect(new KubernetesApiSource(client));

        assertThat(out).hasSize(loaded.size());
        assertThat(kinds(out)).isEqualTo(KubernetesKinds.ALL.stream().map(k -> k.apiVersion(k.versions().get(0)) + "/" + k.kind())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(loaded.size()).isGreaterThan(3000);
    }

    @Test
    void streamsInTheStableOrderClusterScopedFirstThenNamespaceByNamespace() {
        List<ObjectNode> out = collect(new KubernetesApiSource(client));

        List<ObjectNode> sorted = new ArrayList<>(out);
        sorted.sort(ManifestFileSource.STABLE_ORDER);
        assertThat(out).containsExactlyElementsOf(sorted);
        assertThat(out.get(0).path("metadata").has("namespace")).isFalse();
        assertThat(collect(new KubernetesApiSource(client))).containsExactlyElementsOf(out);
    }

    @Test
    void secretValuesNeverLeaveAndAreNotEvenAskedFor() {
        List<ObjectNode> out = collect(new KubernetesApiSource(client));

        String all = out.toString();
        assertThat(all).doesNotContain(ClusterFixture.SECRET_VALUE, ClusterFixture.STRING_DATA_VALUE,
                java.util.Base64.getEncoder().encodeToString(ClusterFixture.SECRET_VALUE.getBytes()), ObjectSanitizer.LAST_APPLIED);
        List<ObjectNode> secrets = out.stream().filter(o -> o.path("kind").asText().equals("Secret")).toList();
        assertThat(secrets).hasSize(NAMESPACES * 3).allSatisfy(s -> {
            assertThat(s.has("data")).isFalse();
            assertThat(s.has("stringData")).isFalse();
            assertThat(s.path("type").asText()).isEqualTo("Opaque");
        });
        List<PagingCrudDispatcher.ListRequest> secretLists = dispatcher.lists.stream().filter(r -> r.path().endsWith("/secrets")).toList();
        assertThat(secretLists).isNotEmpty().allSatisfy(r -> {
            assertThat(r.accept()).startsWith("application/json;as=Table;v=v1;g=meta.k8s.io");
            assertThat(r.query()).containsEntry("includeObject", "Metadata");
        });
    }

    @Test
    void stripsManagedFieldsAndRecordsTheSource() {
        List<ObjectNode> out = collect(new KubernetesApiSource(client));

        assertThat(out).allSatisfy(o -> assertThat(o.path("metadata").has("managedFields")).isFalse());
        assertThat(out.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow()
                .path("metadata").path("annotations").path("kubeward.dev/source").asText()).isEqualTo("api:apps/v1/deployments");
    }

    @Test
    void pagesEveryListAndNeverAsksForMoreThanAPage() {
        KubernetesApiSource source = new KubernetesApiSource(client, 7);

        List<ObjectNode> out = collect(source);

        assertThat(out).hasSize(loaded.size());
        assertThat(dispatcher.lists).allSatisfy(r -> assertThat(Integer.parseInt(r.query().get("limit"))).isLessThanOrEqualTo(7));
        long continued = dispatcher.lists.stream().filter(r -> r.query().containsKey("continue")).count();
        // 120 pods per namespace in pages of 7: at least 17 follow-up pages per namespace for pods alone.
        assertThat(continued).isGreaterThanOrEqualTo(NAMESPACES * 17L);
        assertThat(source.lastReport().requests()).isEqualTo(dispatcher.lists.size());
    }

    @Test
    void skipsKindsThatAreForbiddenOrNotServedAndGoesOn() {
        dispatcher.forbiddenPrefixes.add("/apis/rbac.authorization.k8s.io/v1/clusterroles");
        dispatcher.missingPrefixes.add("/apis/networking.istio.io/");
        KubernetesApiSource source = new KubernetesApiSource(client);

        List<ObjectNode> out = collect(source);

        assertThat(kinds(out)).doesNotContain("rbac.authorization.k8s.io/v1/ClusterRole", "networking.istio.io/v1/Gateway",
                "networking.istio.io/v1/VirtualService").contains("rbac.authorization.k8s.io/v1/ClusterRoleBinding", "gateway.networking.k8s.io/v1/Gateway");
        assertThat(source.lastReport().skippedKinds()).containsOnlyKeys("rbac.authorization.k8s.io/clusterroles",
                "networking.istio.io/gateways", "networking.istio.io/virtualservices");
        assertThat(source.lastReport().skippedKinds().get("rbac.authorization.k8s.io/clusterroles")).contains("forbidden");
        assertThat(source.lastReport().skippedKinds().get("networking.istio.io/gateways")).contains("not served");
    }

    @Test
    void sameObjectsAsFileModeOverAKubectlDump(@TempDir Path dir) throws IOException {
        // `kubectl get <kind> -A -o yaml` for every kind, as file mode would be given it.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (KindSpec spec : KubernetesKinds.ALL) {
            String version = spec.versions().get(0);
            JsonNode list = new ObjectMapper().readTree(client.raw(spec.listPath(version, null)));
            ObjectNode dump = yaml.createObjectNode().put("apiVersion", "v1").put("kind", "List");
            var items = dump.putArray("items");
            list.path("items").forEach(i -> items.add(((ObjectNode) i.deepCopy()).put("apiVersion", spec.apiVersion(version)).put("kind", spec.kind())));
            Files.writeString(dir.resolve(spec.label().replace('/', '_') + ".yaml"), yaml.writeValueAsString(dump));
        }

        List<ObjectNode> fromApi = withoutSource(collect(new KubernetesApiSource(client)));
        List<ObjectNode> fromFiles = withoutSource(new ManifestFileSource(List.of(dir)).readAll());

        assertThat(fromApi).hasSize(loaded.size()).containsExactlyElementsOf(fromFiles);
    }

    @Test
    void detectsTheClusterFromVersionAndNodesPageByPage() {
        ClusterMetadata metadata = new KubernetesApiSource(client, 2).clusterMetadata();

        assertThat(metadata.provider()).isEqualTo("eks");
        assertThat(metadata.nodeCount()).isEqualTo(3);
        assertThat(metadata.kubernetesVersion()).isNotBlank();
    }

    @Test
    void watchReportsChanges() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        try (ChangeWatcher watcher = new ChangeWatcher(client, changes::incrementAndGet)) {
            assertThat(watcher.start()).isGreaterThan(10);
            client.resource("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"new\",\"namespace\":\"ns-01\"},"
                    + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"new\"}}}}").create();
            long deadline = System.currentTimeMillis() + 60_000;
            while (changes.get() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(changes.get()).isPositive();
        } finally {
            client.apps().deployments().inNamespace("ns-01").withName("new").delete();
        }
    }

    private static List<ObjectNode> collect(KubernetesApiSource source) {
        List<ObjectNode> out = new ArrayList<>();
        int n = source.collect(out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    private static Set<String> kinds(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.path("apiVersion").asText() + "/" + o.path("kind").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<ObjectNode> withoutSource(List<ObjectNode> objects) {
        return objects.stream().map(o -> {
            ObjectNode c = o.deepCopy();
            ((ObjectNode) c.path("metadata").path("annotations")).remove("kubeward.dev/source");
            return c;
        }).toList();
    }
}
