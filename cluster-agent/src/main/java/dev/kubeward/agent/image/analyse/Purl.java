package dev.kubeward.agent.image.analyse;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers}) written the way the purl specification
 * canonicalises it: qualifier keys sorted, empty qualifiers left out, every component percent-encoded except
 * unreserved characters and {@code :}. The platform's {@code PackageUrl} reads exactly this back.
 *
 * @param namespace null when the type has none (pypi, unscoped npm); {@code /}-separated segments otherwise
 */
public record Purl(String type, String namespace, String name, String version, Map<String, String> qualifiers) {

    public Purl {
        TreeMap<String, String> kept = new TreeMap<>();
        qualifiers.forEach((k, v) -> {
            if (v != null && !v.isBlank()) kept.put(k, v);
        });
        qualifiers = Collections.unmodifiableMap(kept);
    }

    public static Purl of(String type, String namespace, String name, String version) {
        return new Purl(type, namespace, name, version, Map.of());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            for (String segment : namespace.split("/")) b.append(encode(segment)).append('/');
        }
        b.append(encode(name));
        if (version != null && !version.isEmpty()) b.append('@').append(encode(version));
        char separator = '?';
        for (Map.Entry<String, String> q : qualifiers.entrySet()) {
            b.append(separator).append(q.getKey()).append('=').append(encode(q.getValue()));
            separator = '&';
        }
        return b.toString();
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
