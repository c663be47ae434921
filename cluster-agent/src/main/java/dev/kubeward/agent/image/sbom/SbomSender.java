package dev.kubeward.agent.image.sbom;

import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.PublishException;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Sends one image's SBOM to the platform, {@code POST <platform>/ingest/v1/sboms}, authenticated like a relayed
 * chunk: the body is the gzip-compressed document, {@value Headers#HTTP_CLUSTER_ID} names the cluster and
 * {@value Headers#HTTP_SIGNATURE} is the HMAC of the exact body with the cluster's secret. The image digest goes
 * in {@value #IMAGE_DIGEST_HEADER}; the platform checks it against the digest the document names.
 *
 * <p>Unreachable platform, 408, 429 and 5xx are retried with backoff (honouring {@code Retry-After}) within the
 * retry budget; any other 4xx is final.
 */
public final class SbomSender {

    private static final Logger log = LoggerFactory.getLogger(SbomSender.class);
    public static final String PATH = "/ingest/v1/sboms";
    public static final String IMAGE_DIGEST_HEADER = "X-Kubeward-Image-Digest";
    /** The platform refuses larger documents (decompressed), so they are not even sent. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private final URI endpoint;
    private final ClusterCredential credential;
    private final Backoff backoff;
    private final Duration retryBudget;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code allowPlainHttp} is for tests and in-cluster platforms behind a mesh; SBOMs are signed either way, not encrypted. */
    public SbomSender(URI platform, ClusterCredential credential, Backoff backoff, Duration retryBudget, boolean allowPlainHttp) {
        String scheme = String.valueOf(platform.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new IllegalArgumentException("platform URL must be https:// (got " + platform + ")");
        }
        this.endpoint = URI.create(platform.toString().replaceAll("/+$", "") + PATH);
        this.credential = credential;
        this.backoff = backoff;
        this.retryBudget = retryBudget;
    }

    /** @throws PublishException when the platform refused the SBOM or stayed unreachable for the retry budget */
    public void send(String digest, byte[] document) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new PublishException("the SBOM of " + digest + " has " + document.length + " bytes, above the platform's " + MAX_DOCUMENT_BYTES, true, null);
        }
        byte[] body = gzip(document);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/octet-stream")
                .header(Headers.HTTP_CLUSTER_ID, credential.clusterId())
                .header(Headers.HTTP_SIGNATURE, ChunkSigner.sign(credential.secretBytes(), body))
                .header(IMAGE_DIGEST_HEADER, digest)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Instant giveUp = Instant.now().plus(retryBudget);
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration wait = backoff.delay(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int code = response.statusCode();
                if (code >= 200 && code < 300) return;
                failure = "HTTP " + code + " " + response.body().lines().findFirst().orElse("").strip();
                if (code != 408 && code != 429 && code < 500) throw new PublishException("platform refused the SBOM of " + digest + ": " + failure, true, null);
                wait = response.headers().firstValue("Retry-After").map(SbomSender::seconds).orElse(wait);
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while sending the SBOM of " + digest, false, e);
            }
            if (Instant.now().plus(wait).isAfter(giveUp)) {
                throw new PublishException("platform unreachable for " + retryBudget + " (" + failure + ")", false, null);
            }
            log.info("platform did not take the SBOM of {} ({}); retry {} in {} ms", digest, failure, attempt, wait.toMillis());
            sleep(wait);
        }
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.min(Long.parseLong(retryAfter.strip()), 300));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(10);
        }
    }

    private static byte[] gzip(byte[] document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", false, e);
        }
    }
}
