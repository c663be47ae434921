package dev.kubeward.api.ingest.web;

import dev.kubeward.api.ingest.IngestRejected;
import dev.kubeward.api.ingest.SbomIngest;
import dev.kubeward.contract.Headers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /ingest/v1/sboms}: one image's CycloneDX (or SPDX) JSON, gzip-compressed, as
 * {@code application/octet-stream}; the cluster id in {@value Headers#HTTP_CLUSTER_ID}, the HMAC of the body in
 * {@value Headers#HTTP_SIGNATURE}, the image digest in {@value SbomIngest#IMAGE_DIGEST_HEADER}. 200 once stored
 * for the cluster's tenant; 401 for an unknown cluster or a bad signature alike; 400/413 with the reason otherwise.
 * No user or token: the signature is the credential (the security chain permits {@code /ingest/**}).
 */
@RestController
class SbomIngestController {

    private final SbomIngest ingest;
    private final ObjectProvider<MeterRegistry> meters;

    SbomIngestController(SbomIngest ingest, ObjectProvider<MeterRegistry> meters) {
        this.ingest = ingest;
        this.meters = meters;
    }

    @PostMapping(path = "/ingest/v1/sboms", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    SbomIngest.Accepted sbom(@RequestHeader(name = Headers.HTTP_CLUSTER_ID, required = false) String cluster,
                             @RequestHeader(name = Headers.HTTP_SIGNATURE, required = false) String signature,
                             @RequestHeader(name = SbomIngest.IMAGE_DIGEST_HEADER, required = false) String digest,
                             @RequestHeader(name = "Content-Length", required = false) Long contentLength,
                             InputStream body) throws IOException {
        // refuse before reading when the client says it is too big; read at most one byte past the limit otherwise
        if (contentLength != null && contentLength > SbomIngest.MAX_BYTES) {
            throw new IngestRejected(413, "oversized", "SBOM of " + contentLength + " bytes exceeds " + SbomIngest.MAX_BYTES);
        }
        SbomIngest.Accepted accepted = ingest.accept(cluster, signature, digest, body.readNBytes(SbomIngest.MAX_BYTES + 1));
        count("accepted", "none");
        return accepted;
    }

    @ExceptionHandler(IngestRejected.class)
    ProblemDetail rejected(IngestRejected e) {
        count("rejected", e.code());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        p.setType(IngestController.PROBLEM_BASE.resolve(e.code()));
        p.setTitle(switch (e.status()) {
            case 401 -> "SBOM not authenticated";
            case 413 -> "SBOM too large";
            default -> "SBOM not accepted";
        });
        p.setProperty("code", e.code());
        return p;
    }

    private void count(String outcome, String code) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) registry.counter("kubeward.ingest.sboms", "outcome", outcome, "code", code).increment();
    }
}
