package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fabric8's CRUD mock ignores {@code limit} and {@code continue}; this one pages list answers the way the API
 * server does (key order: namespace, then name), records every list request, and answers 403 or 404 for
 * chosen paths, to play RBAC and missing CRDs. Public for the tests of other packages that list (SBOM pick-up).
 */
public final class PagingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record ListRequest(String path, Map<String, String> query, String accept) {
    }

    public final List<ListRequest> lists = Collections.synchronizedList(new ArrayList<>());
    public final Set<String> forbiddenPrefixes = new HashSet<>();
    public final Set<String> missingPrefixes = new HashSet<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String full = request.getPath();
        int q = full.indexOf('?');
        String path = q < 0 ? full : full.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : full.substring(q + 1));
        if ("GET".equals(request.getMethod()) && !"true".equals(query.get("watch"))) {
            if (forbiddenPrefixes.stream().anyMatch(path::startsWith)) return status(403, "Forbidden");
            if (missingPrefixes.stream().anyMatch(path::startsWith)) return status(404, "NotFound");
            if (query.containsKey("limit")) {
                lists.add(new ListRequest(path, query, request.getHeader("Accept")));
                return page(path, query);
            }
        }
        return super.dispatch(request);
    }

    private MockResponse page(String path, Map<String, String> query) {
        MockResponse all = handleGet(path);
        if (all.code() != 200) return all;
        try {
            ObjectNode list = (ObjectNode) JSON.readTree(all.getBody().readUtf8());
            List<JsonNode> items = new ArrayList<>();
            list.path("items").forEach(items::add);
            items.sort(Comparator.comparing((JsonNode o) -> o.path("metadata").path("namespace").asText(""))
                    .thenComparing(o -> o.path("metadata").path("name").asText("")));
            int limit = Integer.parseInt(query.get("limit"));
            int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
            int to = Math.min(items.size(), from + limit);
            ArrayNode page = list.putArray("items");
            items.subList(from, to).forEach(page::add);
            ObjectNode meta = list.with("metadata");
            meta.put("resourceVersion", "1");
            if (to < items.size()) {
                meta.put("continue", String.valueOf(to));
                meta.put("remainingItemCount", items.size() - to);
            } else {
                meta.remove("continue");
            }
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse status(int code, String reason) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason + "\",\"code\":" + code + "}");
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
