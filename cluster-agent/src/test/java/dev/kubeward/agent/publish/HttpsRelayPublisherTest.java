package dev.kubeward.agent.publish;

import com.sun.net.httpserver.HttpServer;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsRelayPublisherTest {

    private static final ClusterCredential CREDENTIAL = new ClusterCredential("c-1", "the-secret");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void retriesUnavailableRelayWithBackoffThenDeliversSignedBytes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> verified = new CopyOnWriteArrayList<>();
        URI relay = relay(ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            int code = n < 3 ? 503 : 202;
            if (code == 202 && ChunkSigner.verify(CREDENTIAL.secretBytes(), body, ex.getRequestHeaders().getFirst(Headers.HTTP_SIGNATURE))
                    && CREDENTIAL.clusterId().equals(ex.getRequestHeaders().getFirst(Headers.HTTP_CLUSTER_ID))
                    && ex.getRequestURI().getPath().equals("/ingest/v1/chunks")) {
                verified.add("ok");
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });

        new HttpsRelayPublisher(relay, CREDENTIAL, FAST, Duration.ofSeconds(10), true).publish(chunk());

        assertThat(calls.get()).isEqualTo(3);
        assertThat(verified).containsExactly("ok");
    }

    @Test
    void refusedCredentialFailsAtOnceAsPermanent() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI relay = relay(ex -> {
            calls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });

        assertThatThrownBy(() -> new HttpsRelayPublisher(relay, CREDENTIAL, FAST, Duration.ofSeconds(10), true).publish(chunk()))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.permanent()).isTrue());
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void unreachableRelayGivesUpAfterTheRetryBudget() {
        HttpsRelayPublisher publisher = new HttpsRelayPublisher(URI.create("http://127.0.0.1:1"), CREDENTIAL, FAST, Duration.ofMillis(300), true);

        assertThatThrownBy(() -> publisher.publish(chunk())).isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.permanent()).isFalse());
    }

    @Test
    void refusesPlainHttpUnlessAllowed() {
        assertThatThrownBy(() -> new HttpsRelayPublisher(URI.create("http://relay.example.com"), CREDENTIAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private URI relay(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static EncodedChunk chunk() {
        SnapshotChunk c = new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION, "c-1", "s-1", 0, true, 0, "0.1.0", Instant.EPOCH,
                new ClusterMetadata("onprem", "Kubernetes", "unknown", 0), List.of());
        return new EncodedChunk(c, dev.kubeward.contract.ChunkCodec.encode(c));
    }
}
