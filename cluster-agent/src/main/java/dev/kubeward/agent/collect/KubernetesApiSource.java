package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.contract.ClusterMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Collects every kind of {@link KubernetesKinds} from the API server in the wire contract's stable order:
 * cluster-scoped kinds first, then namespace by namespace, each kind sorted by name.
 *
 * <p>Memory stays bounded whatever the cluster size: every list is paged ({@code limit}/{@code continue}),
 * a page is parsed as a stream ({@link ListPageReader}) and handed on before the next one is asked for.
 * Secrets are asked for as a metadata-only {@code Table} (what {@code kubectl get secrets} does), so their
 * values are not even requested; should a server answer with full objects anyway, the values are skipped
 * while parsing.
 *
 * <p>NB: requests go through fabric8's configured HTTP client (in-cluster service account or kubeconfig,
 * TLS, token refresh), but not through its typed DSL: the DSL cannot ask for metadata-only lists, and it
 * would build every page as typed objects first. A kind the server does not serve (404) or the agent's
 * RBAC forbids (403) is logged and skipped; the snapshot goes on.
 */
public final class KubernetesApiSource implements ObjectSource {

    private static final Logger log = LoggerFactory.getLogger(KubernetesApiSource.class);
    public static final int DEFAULT_PAGE_SIZE = 500;
    static final String ACCEPT_JSON = "application/json";
    /** Table with each row's metadata, falling back to metadata-only list, then plain JSON. */
    static final String ACCEPT_METADATA_ONLY = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json";
    private static final int MAX_ATTEMPTS = 4;

    private final HttpClient http;
    private final String server;
    private final int pageSize;
    private final List<KindSpec> kinds;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final ListPageReader reader = new ListPageReader(mapper);
    private volatile CollectionReport lastReport = new CollectionReport(0, 0, Map.of());

    /** What the last collection did: objects, API requests, and kinds skipped with the reason. */
    public record CollectionReport(int objects, int requests, Map<String, String> skippedKinds) {
    }

    public KubernetesApiSource(KubernetesClient client) {
        this(client, DEFAULT_PAGE_SIZE);
    }

    public KubernetesApiSource(KubernetesClient client, int pageSize) {
        this(client, pageSize, KubernetesKinds.ALL);
    }

    KubernetesApiSource(KubernetesClient client, int pageSize, List<KindSpec> kinds) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.server = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pageSize = pageSize;
        this.kinds = List.copyOf(kinds);
    }

    public CollectionReport lastReport() {
        return lastReport;
    }

    @Override
    public int collect(Consumer<ObjectNode> sink) {
        Run run = new Run();
        TreeSet<String> namespaces = new TreeSet<>();
        boolean namespacesKnown = false;
        List<Resolved> namespacedKinds = new ArrayList<>();
        for (KindSpec spec : kinds) {
            Resolved r = resolve(spec, run);
            if (r == null) continue;
            if (!spec.namespaced()) {
                boolean isNamespace = spec.group().isEmpty() && spec.kind().equals("Namespace");
                if (isNamespace) namespacesKnown = true;
                listAll(r, null, run, o -> {
                    if (isNamespace) namespaces.add(o.path("metadata").path("name").asText());
                    sink.accept(o);
                });
            } else if (!r.empty()) {
                namespacedKinds.add(r);
            }
        }
        if (namespacesKnown) {
            for (String ns : namespaces) {
                for (Resolved r : namespacedKinds) listAll(r, ns, run, sink);
            }
        } else {
            // Without the namespace list the per-namespace order cannot be had; kind by kind is the next best.
            log.warn("namespaces cannot be listed; namespaced kinds are collected cluster-wide, kind by kind");
            for (Resolved r : namespacedKinds) listAll(r, null, run, sink);
        }
        lastReport = new CollectionReport(run.objects, run.requests, Map.copyOf(run.skipped));
        if (!run.skipped.isEmpty()) log.info("kinds skipped in this snapshot: {}", run.skipped);
        return run.objects;
    }

    /** Kubernetes version from {@code /version} and the node facts {@link ClusterDetector} needs, nodes read page by page. */
    public ClusterMetadata clusterMetadata() {
        String version = null;
        try (Answer response = send("/version", ACCEPT_JSON, new Run())) {
            if (response.code() == 200) version = mapper.readTree(response.body()).path("gitVersion").asText(null);
            else log.warn("GET /version answered {}", response.code());
        } catch (IOException e) {
            log.warn("GET /version failed: {}", e.getMessage());
        }
        ClusterDetector.Accumulator nodes = ClusterDetector.accumulator();
        KindSpec nodeSpec = KubernetesKinds.ALL.stream().filter(k -> k.kind().equals("Node")).findFirst().orElseThrow();
        try {
            listAll(new Resolved(nodeSpec, "v1", false), null, new Run(), nodes::add);
        } catch (KubernetesListException e) {
            log.warn("nodes cannot be listed ({}); cluster detection uses the version string only", e.getMessage());
        }
        return nodes.result(version);
    }

    private record Resolved(KindSpec spec, String version, boolean empty) {
        String apiVersion() {
            return spec.apiVersion(version);
        }
    }

    private static final class Run {
        int objects;
        int requests;
        final Map<String, String> skipped = new LinkedHashMap<>();
    }

    /** Finds the version the server serves (one tiny request per version tried) and whether the kind is empty. */
    private Resolved resolve(KindSpec spec, Run run) {
        for (String version : spec.versions()) {
            String path = spec.listPath(version, null) + "?limit=1" + (spec.metadataOnly() ? "&includeObject=Metadata" : "");
            try (Answer response = send(path, ACCEPT_METADATA_ONLY, run)) {
                switch (response.code()) {
                    case 200 -> {
                        ListPageReader.Page page = reader.read(response.body(), spec, spec.apiVersion(version), o -> { });
                        return new Resolved(spec, version, page.items() == 0 && !page.hasMore());
                    }
                    case 404 -> {
                        // not served in this version: try the next one
                    }
                    case 401, 403 -> {
                        skip(spec, run, "forbidden (HTTP " + response.code() + ")");
                        return null;
                    }
                    default -> {
                        skip(spec, run, "HTTP " + response.code() + " " + errorMessage(response));
                        return null;
                    }
                }
            } catch (IOException e) {
                skip(spec, run, "unreadable answer: " + e.getMessage());
                return null;
            }
        }
        skip(spec, run, "not served by this cluster (tried " + String.join(", ", spec.versions()) + ")");
        return null;
    }

    private void skip(KindSpec spec, Run run, String reason) {
        run.skipped.put(spec.label(), reason);
        log.debug("skipping {}: {}", spec.label(), reason);
    }

    /** Lists one kind in one namespace (or cluster-wide) page by page; each page is sorted by name, then handed on. */
    private void listAll(Resolved r, String namespace, Run run, Consumer<ObjectNode> sink) {
        KindSpec spec = r.spec();
        String accept = spec.metadataOnly() ? ACCEPT_METADATA_ONLY : ACCEPT_JSON;
        String source = "api:" + r.apiVersion() + "/" + spec.resource();
        String continueToken = null;
        do {
            StringBuilder path = new StringBuilder(spec.listPath(r.version(), namespace)).append("?limit=").append(pageSize);
            if (spec.metadataOnly()) path.append("&includeObject=Metadata");
            if (continueToken != null) path.append("&continue=").append(URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
            List<ObjectNode> page = new ArrayList<>(Math.min(pageSize, 1024));
            ListPageReader.Page info = fetchPage(path.toString(), accept, r, run, page);
            page.sort(BY_NAMESPACE_AND_NAME);
            for (ObjectNode o : page) {
                sink.accept(ObjectSanitizer.sanitize(o, source));
                run.objects++;
            }
            continueToken = info.hasMore() ? info.continueToken() : null;
        } while (continueToken != null);
    }

    private static final Comparator<JsonNode> BY_NAMESPACE_AND_NAME = Comparator
            .comparing((JsonNode o) -> o.path("metadata").path("namespace").asText(""))
            .thenComparing(o -> o.path("metadata").path("name").asText(""));

    /** One page, retried whole on throttling, server errors and broken connections (nothing was handed on yet). */
    private ListPageReader.Page fetchPage(String path, String accept, Resolved r, Run run, List<ObjectNode> page) {
        for (int attempt = 1; ; attempt++) {
            page.clear();
            String failure;
            try (Answer response = send(path, accept, run)) {
                int code = response.code();
                if (code == 200) return reader.read(response.body(), r.spec(), r.apiVersion(), page::add);
                String message = errorMessage(response);
                if (code == 410) throw new KubernetesListException(r.spec().label() + ": continue token expired (" + message + ")");
                if (code != 429 && code < 500) throw new KubernetesListException(r.spec().label() + ": HTTP " + code + " " + message);
                failure = "HTTP " + code + " " + message;
            } catch (IOException | UncheckedIOException e) {
                failure = e.getMessage();
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new KubernetesListException(r.spec().label() + ": gave up after " + attempt + " attempts: " + failure);
            }
            long delay = 500L << attempt;
            log.info("listing {} failed ({}); retrying in {} ms", r.spec().label(), failure, delay);
            sleep(delay);
        }
    }

    /** A response whose body is closed with it. */
    private record Answer(int code, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (body != null) body.close();
        }
    }

    private Answer send(String path, String accept, Run run) throws IOException {
        run.requests++;
        HttpRequest request = http.newHttpRequestBuilder().uri(server + path).header("Accept", accept).build();
        try {
            HttpResponse<InputStream> response = http.sendAsync(request, InputStream.class).get(2, TimeUnit.MINUTES);
            return new Answer(response.code(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("GET " + path + ": " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    private static String errorMessage(Answer response) {
        try {
            InputStream in = response.body();
            if (in == null) return "";
            String text = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesListException("interrupted");
        }
    }
}
