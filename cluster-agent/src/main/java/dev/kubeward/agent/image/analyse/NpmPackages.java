package dev.kubeward.agent.image.analyse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * npm packages from {@code package-lock.json} (lockfile versions 2 and 3: the {@code packages} map) and from
 * installed packages' {@code node_modules/<name>/package.json}.
 *
 * <p>NB: a lockfile lists development dependencies too, which a production image built with
 * {@code npm ci --omit=dev} does not have, so {@code dev} entries are left out; if they were installed, their
 * {@code package.json} names them. Entries outside {@code node_modules} (the root project, workspaces) and
 * workspace links are the project's own code, not packages from the registry. The lockfile is
 * read as a stream, one entry at a time: a 20 MB lockfile is never held whole.
 */
public final class NpmPackages {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private static final String NODE_MODULES = "node_modules/";

    private NpmPackages() {
    }

    /** Reads {@code in} without closing it; a lockfile without {@code packages} (version 1) gives nothing. */
    public static List<Package> fromLockfile(InputStream in, String location) throws IOException {
        List<Package> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("a package-lock.json is a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && field.equals("packages")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        lockEntry(key, p.readValueAsTree(), location).ifPresent(out::add);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    /** One installed package's manifest; nothing when it lacks a name or version. */
    public static List<Package> fromPackageJson(InputStream in, String location) throws IOException {
        JsonNode manifest;
        try (JsonParser p = JSON.createParser(in)) {
            manifest = p.readValueAsTree();
        }
        if (manifest == null) return List.of();
        String name = manifest.path("name").asText("");
        String version = manifest.path("version").asText("");
        return name.isEmpty() || version.isEmpty() ? List.of() : List.of(npm(name, version, location));
    }

    private static Optional<Package> lockEntry(String key, JsonNode entry, String location) {
        int last = key.lastIndexOf(NODE_MODULES);
        // outside node_modules: the project itself ("") and its workspaces, local code a public name would mismatch
        if (last < 0 || entry == null || entry.path("link").asBoolean(false) || entry.path("dev").asBoolean(false)) return Optional.empty();
        String version = entry.path("version").asText("");
        String name = entry.path("name").asText(key.substring(last + NODE_MODULES.length()));
        if (name.isEmpty() || version.isEmpty()) return Optional.empty();
        return Optional.of(npm(name, version, location));
    }

    private static Package npm(String name, String version, String location) {
        int slash = name.indexOf('/');
        Purl purl = name.startsWith("@") && slash > 0
                ? Purl.of("npm", name.substring(0, slash), name.substring(slash + 1), version)
                : Purl.of("npm", null, name, version);
        return new Package(name, version, purl, location);
    }
}
