package dev.kubeward.agent.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's {@code WWW-Authenticate} answer to an unauthenticated request: {@code Bearer} with
 * {@code realm}, {@code service} and {@code scope} (the distribution spec's token authentication), or {@code Basic}.
 *
 * @param scheme lower-case: {@code bearer} or {@code basic}
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    static Optional<AuthChallenge> parse(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? h.length() : space + 1;
        while (i < h.length()) {
            int eq = h.indexOf('=', i);
            if (eq < 0) break;
            String key = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int end;
            String value;
            if (eq + 1 < h.length() && h.charAt(eq + 1) == '"') {
                // quoted values may hold commas: scope="repository:a:pull,push"
                StringBuilder v = new StringBuilder();
                end = eq + 2;
                while (end < h.length() && h.charAt(end) != '"') {
                    if (h.charAt(end) == '\\' && end + 1 < h.length()) end++;
                    v.append(h.charAt(end++));
                }
                value = v.toString();
                end = h.indexOf(',', end);
            } else {
                end = h.indexOf(',', eq);
                value = h.substring(eq + 1, end < 0 ? h.length() : end).strip();
            }
            params.put(key, value);
            i = end < 0 ? h.length() : end + 1;
        }
        return Optional.of(new AuthChallenge(scheme, params));
    }

    String param(String name) {
        return params.get(name);
    }
}
