package dev.kubeward.agent.image.analyse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution an image is built on, from {@code etc/os-release} (or {@code usr/lib/os-release}): what the
 * purls of its OS packages say in their namespace and {@code distro} qualifier, because advisories are per
 * distribution release.
 *
 * @param id        {@code ID}, lower-case ({@code debian}, {@code ubuntu}, {@code alpine}, {@code rhel}, ...), null when unknown
 * @param versionId {@code VERSION_ID}, or {@code VERSION_CODENAME} for releases without one (Debian testing), null when unknown
 */
public record OsRelease(String id, String versionId, String prettyName) {

    public static final OsRelease UNKNOWN = new OsRelease(null, null, null);

    public static OsRelease parse(InputStream in) throws IOException {
        Map<String, String> fields = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) continue;
            fields.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        String id = fields.get("ID");
        String version = fields.getOrDefault("VERSION_ID", fields.get("VERSION_CODENAME"));
        return new OsRelease(id == null ? null : id.toLowerCase(Locale.ROOT), blankToNull(version), fields.get("PRETTY_NAME"));
    }

    /**
     * The purl namespace for packages of {@code type}: the distribution id, Red Hat's {@code rhel} spelt
     * {@code redhat} as the purl type list has it; without os-release, the main distribution of the package format.
     */
    public String namespace(String type) {
        if (id == null) {
            return switch (type) {
                case "deb" -> "debian";
                case "apk" -> "alpine";
                default -> "redhat";
            };
        }
        return id.equals("rhel") ? "redhat" : id;
    }

    /** The {@code distro} qualifier, e.g. {@code debian-12}, {@code alpine-3.19.1}, {@code rhel-9.4}; null when unknown. */
    public String distro() {
        return id == null || versionId == null ? null : id + "-" + versionId;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
