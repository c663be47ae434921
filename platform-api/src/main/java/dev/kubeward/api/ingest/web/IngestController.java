package dev.kubeward.api.ingest.web;

import dev.kubeward.api.ingest.ChunkForwarder;
import dev.kubeward.api.ingest.ChunkRelay;
import dev.kubeward.api.ingest.IngestRejected;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.WireLimits;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * {@code POST /ingest/v1/chunks}: one signed chunk as {@code application/octet-stream}, the cluster id in
 * {@value Headers#HTTP_CLUSTER_ID} and the HMAC in {@value Headers#HTTP_SIGNATURE}. 202 once Kafka took it;
 * 401 for an unknown cluster or a bad signature alike; 400/413 for chunks the worker would dead-letter;
 * 503 with {@code Retry-After} when Kafka is away. No user or token: the signature is the credential
 * (the security chain permits {@code /ingest/**}, stateless and without CSRF).
 */
@RestController
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);
    static final URI PROBLEM_BASE = URI.create("https://kubeward.dev/problems/ingest/");

    private final ChunkRelay relay;
    private final ObjectProvider<MeterRegistry> meters;

    IngestController(ChunkRelay relay, ObjectProvider<MeterRegistry> meters) {
        this.relay = relay;
        this.meters = meters;
    }

    @PostMapping(path = "/ingest/v1/chunks", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<Map<String, Object>> chunk(@RequestHeader(name = Headers.HTTP_CLUSTER_ID, required = false) String cluster,
                                              @RequestHeader(name = Headers.HTTP_SIGNATURE, required = false) String signature,
                                              @RequestHeader(name = "Content-Length", required = false) Long contentLength,
                                              InputStream body) throws IOException {
        // refuse before reading when the client says it is too big; read at most one byte past the limit otherwise
        if (contentLength != null && contentLength > WireLimits.MAX_CHUNK_BYTES) {
            throw new IngestRejected(413, "oversized", "chunk of " + contentLength + " bytes exceeds " + WireLimits.MAX_CHUNK_BYTES);
        }
        byte[] bytes = body.readNBytes(WireLimits.MAX_CHUNK_BYTES + 1);
        ChunkRelay.Relayed relayed = relay.relay(cluster, signature, bytes);
        count("accepted", "none");
        return ResponseEntity.accepted().body(Map.of("snapshotId", relayed.snapshotId(), "index", relayed.index(),
                "last", relayed.last(), "objects", relayed.objectCount()));
    }

    @ExceptionHandler(IngestRejected.class)
    ProblemDetail rejected(IngestRejected e) {
        count("rejected", e.code());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        p.setType(PROBLEM_BASE.resolve(e.code()));
        p.setTitle(switch (e.status()) {
            case 401 -> "Chunk not authenticated";
            case 413 -> "Chunk too large";
            default -> "Chunk not accepted";
        });
        p.setProperty("code", e.code());
        return p;
    }

    @ExceptionHandler(ChunkForwarder.ForwardingFailed.class)
    ResponseEntity<ProblemDetail> unavailable(ChunkForwarder.ForwardingFailed e) {
        count("failed", "kafka-unavailable");
        log.warn("relay could not forward a chunk: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The chunk could not be queued; retry later.");
        p.setType(PROBLEM_BASE.resolve("kafka-unavailable"));
        p.setTitle("Ingest temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(p);
    }

    private void count(String outcome, String code) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) registry.counter("kubeward.ingest.chunks", "outcome", outcome, "code", code).increment();
    }
}
