package dev.kubeward.agent.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry logins from image pull secrets ({@code kubernetes.io/dockerconfigjson}'s {@code auths} map, or the
 * older {@code kubernetes.io/dockercfg} map itself), by registry host. They live in memory for one image's
 * pulls and go to that registry and its token service only; {@link #toString()} names the hosts, never a
 * user or password.
 */
public final class RegistryCredentials {

    /** A user name and password (or token) for one registry. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[hidden]";
        }

        String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final RegistryCredentials NONE = new RegistryCredentials(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private final Map<String, Login> byHost;

    private RegistryCredentials(Map<String, Login> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    /**
     * Reads a pull secret's {@code .dockerconfigjson} or {@code .dockercfg} value.
     *
     * @throws IllegalArgumentException when it is not such a document; the message never quotes it
     */
    public static RegistryCredentials fromDockerConfig(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a docker config JSON document");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a docker config JSON object");
        JsonNode auths = root.has("auths") ? root.path("auths") : root;
        Map<String, Login> logins = new LinkedHashMap<>();
        auths.properties().forEach(e -> login(e.getValue()).ifPresent(l -> logins.putIfAbsent(host(e.getKey()), l)));
        return new RegistryCredentials(logins);
    }

    /** These logins, then {@code other}'s for hosts these do not cover: the pod's first pull secret wins, as in the kubelet. */
    public RegistryCredentials and(RegistryCredentials other) {
        Map<String, Login> merged = new LinkedHashMap<>(byHost);
        other.byHost.forEach(merged::putIfAbsent);
        return new RegistryCredentials(merged);
    }

    /** The login for a registry as an image reference names it ({@code host[:port]}, {@code docker.io}). */
    public Optional<Login> forRegistry(String registry) {
        return Optional.ofNullable(byHost.get(host(registry)));
    }

    private static Optional<Login> login(JsonNode entry) {
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        if ((user.isEmpty() || password.isEmpty()) && !entry.path("auth").asText("").isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(entry.path("auth").asText().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) return Optional.empty();
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        return user.isEmpty() || password.isEmpty() ? Optional.empty() : Optional.of(new Login(user, password));
    }

    /** {@code https://index.docker.io/v1/} → {@code docker.io}; {@code https://reg.example.com:5000/v2/} → {@code reg.example.com:5000}. */
    static String host(String key) {
        String h = key.strip().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) h = h.substring(scheme + 3);
        int slash = h.indexOf('/');
        if (slash >= 0) h = h.substring(0, slash);
        return DOCKER_HUB_ALIASES.contains(h) ? ImageReference.DOCKER_HUB : h;
    }

    @Override
    public String toString() {
        return "RegistryCredentials" + byHost.keySet();
    }
}
