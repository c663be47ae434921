package dev.kubeward.agent.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry on loopback speaking the part of the OCI distribution API the agent uses ({@code /v2/<repo>/manifests/<ref>},
 * {@code /v2/<repo>/blobs/<digest>}), counting requests. Optionally: bearer-token auth with a login (a {@code /token}
 * realm as Docker Hub's), blobs redirected to a separate storage server (another origin, as S3 behind a registry),
 * and blob downloads held until released.
 */
public final class LocalRegistry implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/v2/(.+)/(manifests|blobs)/([^/]+)");
    private static final String TOKEN = "local-registry-token-7f3a";

    private final HttpServer server;
    private final HttpServer storage;
    private final Map<String, TestImage.Manifest> manifests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    public final AtomicInteger manifestRequests = new AtomicInteger();
    public final AtomicInteger blobRequests = new AtomicInteger();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    /** Authorization headers the token realm received. */
    public final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    /** Authorization headers the blob storage received (it must get none). */
    public final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();
    private volatile String requiredLogin;
    private volatile boolean redirectBlobs;
    private volatile CountDownLatch blobGate;

    public LocalRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v2/", this::registry);
        server.createContext("/token", this::token);
        server.start();
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        storage.createContext("/", this::storage);
        storage.start();
    }

    /** {@code 127.0.0.1:port}, as image references and the plain-HTTP list name it. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String storageHost() {
        return "127.0.0.1:" + storage.getAddress().getPort();
    }

    /** Pushes an image: every manifest by digest, the top one also by {@code tag}. */
    public String push(String repository, String tag, TestImage image) {
        image.manifests.forEach((digest, m) -> manifests.put(repository + "@" + digest, m));
        manifests.put(repository + ":" + tag, image.manifests.get(image.digest()));
        blobs.putAll(image.blobs);
        return host() + "/" + repository + ":" + tag;
    }

    /** From now on: bearer tokens from {@code /token}, issued only for this login. */
    public void requireLogin(String user, String password) {
        requiredLogin = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public void redirectBlobsToStorage() {
        redirectBlobs = true;
    }

    /** Blob downloads wait until the returned latch is counted down. */
    public CountDownLatch holdBlobs() {
        blobGate = new CountDownLatch(1);
        return blobGate;
    }

    private void registry(HttpExchange ex) throws IOException {
        try (ex) {
            Matcher m = PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches()) {
                ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/v2/") ? 200 : 404, -1);
                return;
            }
            String repository = m.group(1);
            if (requiredLogin != null && !("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"http://" + host() + "/token\",service=\"local-registry\",scope=\"repository:"
                        + repository + ":pull\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (m.group(2).equals("manifests")) {
                manifestRequests.incrementAndGet();
                String ref = m.group(3);
                TestImage.Manifest manifest = manifests.get(repository + (ref.startsWith("sha256:") ? "@" : ":") + ref);
                if (manifest == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", manifest.mediaType());
                ex.getResponseHeaders().set("Docker-Content-Digest", manifest.digest());
                send(ex, manifest.bytes());
            } else {
                blobRequests.incrementAndGet();
                if (redirectBlobs) {
                    ex.getResponseHeaders().set("Location", "http://" + storageHost() + "/" + m.group(3));
                    ex.sendResponseHeaders(307, -1);
                    return;
                }
                blob(ex, m.group(3));
            }
        }
    }

    private void storage(HttpExchange ex) throws IOException {
        try (ex) {
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) storageAuthorizations.add(authorization);
            blob(ex, ex.getRequestURI().getPath().substring(1));
        }
    }

    private void blob(HttpExchange ex, String digest) throws IOException {
        byte[] blob = blobs.get(digest);
        if (blob == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        CountDownLatch gate = blobGate;
        if (gate != null) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(ex, blob);
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            tokenRequests.incrementAndGet();
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) tokenAuthorizations.add(authorization);
            String query = String.valueOf(ex.getRequestURI().getQuery());
            if (requiredLogin == null || !requiredLogin.equals(authorization) || !query.contains("service=local-registry") || !query.contains(":pull")) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            send(ex, ("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        CountDownLatch gate = blobGate;
        if (gate != null) gate.countDown();
        server.stop(0);
        storage.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
