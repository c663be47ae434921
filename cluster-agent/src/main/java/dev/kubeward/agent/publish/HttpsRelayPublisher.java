package dev.kubeward.agent.publish;

import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Sends chunks to platform-api's relay, {@code POST <relay>/ingest/v1/chunks}, for clusters that cannot reach
 * Kafka: the body is the chunk's exact wire bytes, signed in {@link Headers#HTTP_SIGNATURE} as on Kafka.
 *
 * <p>One chunk is in flight at a time and {@link #publish} returns only once the relay took it, so the
 * buffer is that one chunk and the snapshot (and the API listing behind it) waits meanwhile. Unreachable
 * relay, 408, 429 and 5xx are retried with exponential backoff (honouring {@code Retry-After}) for at most the
 * retry budget; other 4xx answers cannot get better by retrying and fail at once.
 */
public final class HttpsRelayPublisher implements ChunkPublisher {

    private static final Logger log = LoggerFactory.getLogger(HttpsRelayPublisher.class);
    public static final String PATH = "/ingest/v1/chunks";

    private final URI endpoint;
    private final ClusterCredential credential;
    private final HttpClient http;
    private final Backoff backoff;
    private final Duration retryBudget;

    public HttpsRelayPublisher(URI relay, ClusterCredential credential) {
        this(relay, credential, Backoff.DEFAULT, Duration.ofMinutes(5), false);
    }

    /** {@code allowPlainHttp} is for tests and in-cluster relays behind a mesh; chunks are signed either way, not encrypted. */
    public HttpsRelayPublisher(URI relay, ClusterCredential credential, Backoff backoff, Duration retryBudget, boolean allowPlainHttp) {
        String scheme = String.valueOf(relay.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new IllegalArgumentException("relay URL must be https:// (got " + relay + ")");
        }
        String base = relay.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + PATH);
        this.credential = credential;
        this.backoff = backoff;
        this.retryBudget = retryBudget;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void publish(EncodedChunk chunk) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream")
                .header(Headers.HTTP_CLUSTER_ID, credential.clusterId())
                .header(Headers.HTTP_SIGNATURE, ChunkSigner.sign(credential.secretBytes(), chunk.bytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk.bytes()))
                .build();
        Instant giveUp = Instant.now().plus(retryBudget);
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration wait = backoff.delay(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int code = response.statusCode();
                if (code >= 200 && code < 300) return;
                failure = "HTTP " + code + " " + firstLine(response.body());
                if (code != 408 && code != 429 && code < 500) {
                    throw new PublishException("relay refused chunk " + chunk.chunk().index() + ": " + failure, true, null);
                }
                wait = retryAfter(response, wait);
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while sending chunk " + chunk.chunk().index(), false, e);
            }
            if (Instant.now().plus(wait).isAfter(giveUp)) {
                throw new PublishException("relay unreachable for " + retryBudget + " (" + failure + ")", false, null);
            }
            log.info("relay did not take chunk {} ({}); retry {} in {} ms", chunk.chunk().index(), failure, attempt, wait.toMillis());
            sleep(wait);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response, Duration fallback) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.min(Long.parseLong(v.trim()), 300));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private static String firstLine(String body) {
        return body == null ? "" : body.lines().findFirst().orElse("").trim();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", false, e);
        }
    }

    @Override
    public void flush() {
        // every publish waited for its answer
    }

    @Override
    public void close() {
        // java.net.http.HttpClient.close() is Java 21+; its threads end with the client
    }
}
