package dev.kubeward.engine.vuln.sbom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) per the purl specification: components
 * percent-decoded, type and qualifier keys lower-cased, and the type-specific name rules for the types we read
 * (pypi names lower-cased with {@code _} as {@code -}).
 *
 * @param namespace null when absent; {@code /}-joined segments otherwise
 */
public record PackageUrl(String type, String namespace, String name, String version, Map<String, String> qualifiers,
                         String subpath) {

    public PackageUrl {
        qualifiers = Collections.unmodifiableMap(new TreeMap<>(qualifiers));
    }

    /** Parses a purl; throws {@code IllegalArgumentException} with the reason when it is not one. */
    public static PackageUrl parse(String purl) {
        if (purl == null || !purl.regionMatches(true, 0, "pkg:", 0, 4)) {
            throw new IllegalArgumentException("a purl starts with 'pkg:': " + purl);
        }
        String rest = purl.substring(4).strip();
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = trimSlashes(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        Map<String, String> qualifiers = new TreeMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String value = decode(pair.substring(eq + 1));
                if (!value.isEmpty()) {
                    qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), value);
                }
            }
            rest = rest.substring(0, q);
        }
        rest = trimSlashes(rest);
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("a purl needs a type and a name: " + purl);
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        rest = trimSlashes(rest.substring(slash + 1));
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int lastSlash = rest.lastIndexOf('/');
        String name = decode(rest.substring(lastSlash + 1));
        String namespace = null;
        if (lastSlash > 0) {
            StringBuilder ns = new StringBuilder();
            for (String segment : rest.substring(0, lastSlash).split("/")) {
                if (!segment.isEmpty()) {
                    ns.append(ns.length() == 0 ? "" : "/").append(decode(segment));
                }
            }
            namespace = ns.toString();
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a purl needs a name: " + purl);
        }
        if (type.equals("pypi")) {
            name = name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return new PackageUrl(type, namespace, name, version, qualifiers, subpath);
    }

    public String qualifier(String key) {
        return qualifiers.get(key);
    }

    private static String trimSlashes(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == '/') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == '/') {
            e--;
        }
        return s.substring(b, e);
    }

    /** Percent-decoding without URLDecoder's {@code +}-as-space rule, which purl does not have. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
