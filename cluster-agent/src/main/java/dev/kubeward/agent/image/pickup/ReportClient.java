package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.kubeward.agent.image.pickup.JsonShape.WHOLE;

/**
 * Reads reports from the API server in two steps: a paged, metadata-only list of a kind ({@code limit} and
 * {@code continue}, {@code Accept: as=PartialObjectMetadataList}, as {@code collect} asks for Secrets), then one
 * {@code GET} per report worth reading, parsed as a stream with the kind's {@link JsonShape} and refused past
 * {@link PickupLimits#maxReportBytes}. A list never carries the reports themselves, so its pages stay small
 * however large the reports; a server that ignores the Accept header still has everything but the metadata
 * skipped while parsing.
 *
 * <p>NB: requests go through fabric8's configured HTTP client (service account token, TLS), not its typed DSL,
 * which would build every page as whole objects.
 */
final class ReportClient {

    static final String ACCEPT_METADATA = "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json";
    private static final JsonShape LIST_PAGE = JsonShape.of("metadata", JsonShape.of("continue", WHOLE), "items", JsonShape.of(
            "metadata", JsonShape.of("name", WHOLE, "namespace", WHOLE, "resourceVersion", WHOLE, "annotations", WHOLE)));

    /** One listed report; {@code metadata} keeps its name, namespace, resourceVersion and annotations. */
    record Listed(String namespace, String name, String resourceVersion, JsonNode metadata) {
        /** {@code namespace/name}, or the name of a cluster-scoped report. */
        String label() {
            return namespace == null ? name : namespace + "/" + name;
        }
    }

    /**
     * A kind's reports, or why there are none: {@code code} 404 is a kind the cluster does not serve (its CRD is
     * not installed), any other failure has a {@code problem}.
     */
    record Listing(List<Listed> reports, int code, String problem) {
        boolean absent() {
            return code == 404;
        }
    }

    private final HttpClient http;
    private final String server;
    private final int pageSize;
    private final JsonFactory lists = new JsonFactory();
    private final JsonFactory reports;

    ReportClient(KubernetesClient client, int pageSize, long maxReportBytes) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.server = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pageSize = pageSize;
        // a longer report fails with StreamConstraintsException while it streams in (checked per read buffer, 8 KiB),
        // long before it is all read
        this.reports = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(maxReportBytes).build()).build();
    }

    Listing list(ReportKind kind) {
        List<Listed> out = new ArrayList<>();
        String continueToken = null;
        do {
            String path = kind.listPath() + "?limit=" + pageSize
                    + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
            try (Answer answer = send(path, ACCEPT_METADATA)) {
                if (answer.code() != 200) return new Listing(List.of(), answer.code(), "HTTP " + answer.code() + " " + answer.firstLine());
                JsonNode page;
                try (JsonParser p = lists.createParser(answer.body())) {
                    page = LIST_PAGE.readDocument(p);
                }
                for (JsonNode item : page.path("items")) {
                    JsonNode meta = item.path("metadata");
                    out.add(new Listed(meta.path("namespace").asText(null), meta.path("name").asText(),
                            meta.path("resourceVersion").asText(""), meta));
                }
                continueToken = page.path("metadata").path("continue").asText("");
            } catch (IOException e) {
                return new Listing(List.of(), 0, e.getMessage());
            }
        } while (!continueToken.isEmpty());
        return new Listing(out, 200, null);
    }

    /**
     * The report pruned to its kind's shape; null when it was deleted since it was listed.
     *
     * @throws com.fasterxml.jackson.core.exc.StreamConstraintsException when it is longer than the limit
     * @throws IOException                                                when it cannot be read now (worth another try)
     */
    JsonNode get(ReportKind kind, Listed report) throws IOException {
        try (Answer answer = send(kind.path(report.namespace(), report.name()), "application/json")) {
            if (answer.code() == 404) return null;
            if (answer.code() != 200) throw new IOException("HTTP " + answer.code() + " " + answer.firstLine());
            try (JsonParser p = reports.createParser(answer.body())) {
                return kind.format().shape().readDocument(p);
            }
        }
    }

    /** A response whose body is closed with it. */
    private record Answer(int code, InputStream body) implements AutoCloseable {
        String firstLine() {
            try {
                return body == null ? "" : new String(body.readNBytes(2048), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() throws IOException {
            if (body != null) body.close();
        }
    }

    private Answer send(String path, String accept) throws IOException {
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
}
