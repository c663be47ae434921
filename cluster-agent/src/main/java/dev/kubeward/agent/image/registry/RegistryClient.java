package dev.kubeward.agent.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client of the OCI distribution API for one image: resolves a tag or digest to the linux/amd64 image
 * manifest (Docker schema 2 and OCI manifests, manifest lists and indexes) and opens its layer blobs.
 *
 * <p>Authentication follows the registry's {@code WWW-Authenticate} challenge: a bearer token from the realm it
 * names (with the pull secret's login when there is one, anonymously otherwise), or basic auth. Logins go only
 * to the registry and its token realm, over HTTPS unless the registry is listed as plain HTTP; redirects are
 * followed by hand so that a blob store on another host (S3, a CDN) never receives the registry's credentials.
 * Manifests are checked against the digest asked for; blobs are checked by their reader.
 */
public final class RegistryClient {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String ACCEPT_MANIFESTS = String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);
    private static final String PREFERRED_PLATFORM = "linux/amd64";
    private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final int MAX_TOKEN_BYTES = 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Set<String> plainHttpRegistries;
    private final RegistryCredentials credentials;
    /** Authorization header per registry host, once a challenge was answered. */
    private final Map<String, String> authorizations = new HashMap<>();

    /**
     * @param http                a client that does not follow redirects itself ({@link #newHttpClient()})
     * @param plainHttpRegistries {@code host:port} of registries reached over plain HTTP (in-cluster registries without TLS)
     */
    public RegistryClient(HttpClient http, Set<String> plainHttpRegistries, RegistryCredentials credentials) {
        this.http = http;
        this.plainHttpRegistries = Set.copyOf(plainHttpRegistries);
        this.credentials = credentials;
    }

    /** The HTTP client registry clients share: connection timeout, no automatic redirects. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The image manifest the reference names, the linux/amd64 one (else the first) of an index. */
    public ImageManifest resolve(ImageReference image) {
        Manifest top = manifest(image, image.digest() != null ? image.digest() : image.tag());
        if (!top.isIndex()) return top.image(top.digest(), null);
        Map.Entry<Descriptor, String> chosen = choosePlatform(image, top.json());
        Manifest platform = manifest(image, chosen.getKey().digest());
        if (platform.isIndex()) throw new RegistryException(image + ": an index inside an index is not supported");
        return platform.image(top.digest(), chosen.getValue());
    }

    /** Opens a blob of the image's repository; the caller reads, verifies and closes it. */
    public InputStream openBlob(ImageReference image, Descriptor blob) {
        HttpResponse<InputStream> r = get(image, "/blobs/" + blob.digest(), "*/*");
        if (r.statusCode() != 200) {
            discard(r);
            throw new RegistryException(image.apiHost() + " answered HTTP " + r.statusCode() + " for blob " + blob.digest() + " of " + image.repository());
        }
        return r.body();
    }

    /** A fetched manifest or index and its digest. */
    private record Manifest(String digest, String mediaType, JsonNode json) {
        boolean isIndex() {
            return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST) || (mediaType.isEmpty() && json.has("manifests"));
        }

        ImageManifest image(String resolvedDigest, String platform) {
            if (!json.path("layers").isArray()) throw new RegistryException("manifest " + digest + " (" + mediaType + ") is not an image manifest");
            List<Descriptor> layers = new ArrayList<>();
            json.path("layers").forEach(l -> layers.add(Descriptor.of(l)));
            return new ImageManifest(resolvedDigest, digest, platform, layers);
        }
    }

    private Manifest manifest(ImageReference image, String reference) {
        HttpResponse<InputStream> r = get(image, "/manifests/" + reference, ACCEPT_MANIFESTS);
        if (r.statusCode() != 200) {
            discard(r);
            throw new RegistryException(r.statusCode() == 404 ? "manifest " + reference + " of " + image.name() + " not found"
                    : image.apiHost() + " answered HTTP " + r.statusCode() + " for manifest " + reference + " of " + image.repository());
        }
        byte[] bytes = readBounded(r, MAX_MANIFEST_BYTES, "manifest " + reference);
        String digest = "sha256:" + sha256(bytes);
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new RegistryException(image.apiHost() + " sent a manifest with digest " + digest + " for " + reference);
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new RegistryException("manifest " + reference + " of " + image.name() + " is not JSON", e);
        }
        if (json == null || json.path("schemaVersion").asInt() != 2) {
            throw new RegistryException("manifest " + reference + " of " + image.name() + " is not schema version 2 (Docker schema 1 is not supported)");
        }
        String contentType = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        String mediaType = json.path("mediaType").asText(contentType.equals("application/json") ? "" : contentType);
        return new Manifest(digest, mediaType, json);
    }

    /** linux/amd64, else the first real platform; buildx's attestation entries ({@code unknown/unknown}) are not images. */
    private static Map.Entry<Descriptor, String> choosePlatform(ImageReference image, JsonNode index) {
        Map.Entry<Descriptor, String> first = null;
        for (JsonNode m : index.path("manifests")) {
            JsonNode p = m.path("platform");
            String os = p.path("os").asText("unknown");
            String platform = os + "/" + p.path("architecture").asText("unknown") + (p.hasNonNull("variant") ? "/" + p.path("variant").asText() : "");
            if (os.equals("unknown") || m.path("annotations").path("vnd.docker.reference.type").asText("").equals("attestation-manifest")) continue;
            Map.Entry<Descriptor, String> candidate = Map.entry(Descriptor.of(m), platform);
            if (platform.equals(PREFERRED_PLATFORM)) return candidate;
            if (first == null) first = candidate;
        }
        if (first == null) throw new RegistryException("the index of " + image + " lists no image manifest");
        return first;
    }

    private HttpResponse<InputStream> get(ImageReference image, String path, String accept) {
        String host = image.apiHost();
        URI uri = URI.create((plainHttpRegistries.contains(image.registry()) ? "http" : "https") + "://" + host + "/v2/" + image.repository() + path);
        HttpResponse<InputStream> r = send(uri, accept, authorizations.get(host));
        if (r.statusCode() != 401) return r;
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
        discard(r);
        authorizations.put(host, authorize(image, challenge));
        r = send(uri, accept, authorizations.get(host));
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            discard(r);
            throw new RegistryException(host + " refused " + (credentials.forRegistry(image.registry()).isPresent() ? "the pull secret's login"
                    : "anonymous access (no pull secret of the pod has a login for " + image.registry() + ")") + " to " + image.repository());
        }
        return r;
    }

    private String authorize(ImageReference image, String header) {
        Optional<RegistryCredentials.Login> login = credentials.forRegistry(image.registry());
        AuthChallenge challenge = AuthChallenge.parse(header)
                .orElseThrow(() -> new RegistryException(image.apiHost() + " asks for authentication without a WWW-Authenticate challenge"));
        return switch (challenge.scheme()) {
            case "bearer" -> "Bearer " + token(image, challenge, login);
            case "basic" -> login.map(RegistryCredentials.Login::basicAuthorization).orElseThrow(() -> new RegistryException(
                    image.apiHost() + " needs a login for " + image.repository() + " and no pull secret of the pod has one"));
            default -> throw new RegistryException(image.apiHost() + " asks for unsupported authentication scheme " + challenge.scheme());
        };
    }

    /** A pull token from the challenge's realm; the login (if any) goes there, and nowhere that is not HTTPS unless allowed. */
    private String token(ImageReference image, AuthChallenge challenge, Optional<RegistryCredentials.Login> login) {
        String realm = challenge.param("realm");
        URI realmUri;
        try {
            realmUri = URI.create(realm == null ? "" : realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(image.apiHost() + " names a malformed token realm");
        }
        if (!isAllowedScheme(realmUri)) {
            throw new RegistryException(image.apiHost() + " names token realm " + realm + ", which is not HTTPS");
        }
        String scope = challenge.param("scope") != null ? challenge.param("scope") : "repository:" + image.repository() + ":pull";
        StringBuilder query = new StringBuilder("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        if (challenge.param("service") != null) query.append("&service=").append(URLEncoder.encode(challenge.param("service"), StandardCharsets.UTF_8));
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpResponse<InputStream> r = send(tokenUri, "application/json", login.map(RegistryCredentials.Login::basicAuthorization).orElse(null));
        if (r.statusCode() != 200) {
            discard(r);
            throw new RegistryException("token service of " + image.apiHost() + " answered HTTP " + r.statusCode()
                    + (login.isPresent() ? " for the pull secret's login" : " to an anonymous request") + " for " + image.repository());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(readBounded(r, MAX_TOKEN_BYTES, "token"));
        } catch (IOException e) {
            throw new RegistryException("token service of " + image.apiHost() + " answered with something that is not JSON", e);
        }
        String token = answer == null ? "" : answer.path("token").asText(answer.path("access_token").asText(""));
        if (token.isEmpty()) throw new RegistryException("token service of " + image.apiHost() + " gave no token");
        return token;
    }

    /** One GET, redirects followed by hand: the Authorization header is kept only while the origin stays the same. */
    private HttpResponse<InputStream> send(URI uri, String accept, String authorization) {
        URI current = uri;
        String auth = authorization;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(TIMEOUT).header("Accept", accept).GET();
            if (auth != null) request.header("Authorization", auth);
            HttpResponse<InputStream> r;
            try {
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new RegistryException(current.getHost() + " unreachable: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while talking to " + current.getHost(), e);
            }
            int code = r.statusCode();
            if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) return r;
            discard(r);
            URI from = current;
            URI next = from.resolve(r.headers().firstValue("Location").orElseThrow(() -> new RegistryException(from.getHost() + " redirected nowhere")));
            if (hop >= MAX_REDIRECTS) throw new RegistryException("more than " + MAX_REDIRECTS + " redirects from " + uri.getHost());
            if (!isAllowedScheme(next)) throw new RegistryException(current.getHost() + " redirected to " + next.getScheme() + "://" + next.getHost());
            if (!sameOrigin(current, next)) auth = null;
            current = next;
        }
    }

    private boolean isAllowedScheme(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String authority = String.valueOf(uri.getRawAuthority());
        return scheme.equals("https") || (scheme.equals("http") && plainHttpRegistries.contains(authority));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getRawAuthority()).equalsIgnoreCase(String.valueOf(b.getRawAuthority()));
    }

    private static byte[] readBounded(HttpResponse<InputStream> r, int max, String what) {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) throw new RegistryException(what + " is larger than " + max + " bytes");
            return bytes;
        } catch (IOException e) {
            throw new RegistryException("reading " + what + " failed: " + e.getMessage(), e);
        }
    }

    private static void discard(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.readNBytes(64 * 1024); // drained a little so the connection can be reused; error bodies are small
        } catch (IOException e) {
            // the connection is dropped instead of reused
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
