package dev.kubeward.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of the running application's OpenAPI document ({@code /v3/api-docs}), for tests generated over every endpoint. */
public final class OpenApiOperations {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** One operation: method, path template and its path variables. */
    public record Operation(String method, String path, List<String> variables) {
        public boolean hasVariables() {
            return !variables.isEmpty();
        }

        /** The path with every variable replaced by {@code value}. */
        public String with(String value) {
            return VARIABLE.matcher(path).replaceAll(Matcher.quoteReplacement(value));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    public static List<Operation> of(ApiClient api) {
        ApiClient.Response r = api.get("/v3/api-docs", null);
        if (r.status() != 200) throw new IllegalStateException("/v3/api-docs answered " + r.status());
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.json().path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> vars = new ArrayList<>();
            Matcher m = VARIABLE.matcher(e.getKey());
            while (m.find()) vars.add(m.group(1));
            for (Iterator<String> methods = e.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) ops.add(new Operation(method, e.getKey(), List.copyOf(vars)));
            }
        }
        return ops;
    }
}
