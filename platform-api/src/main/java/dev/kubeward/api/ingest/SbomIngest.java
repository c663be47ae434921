package dev.kubeward.api.ingest;

import dev.kubeward.api.vuln.SbomUploads;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.vuln.sbom.Sbom;
import dev.kubeward.engine.vuln.sbom.SbomParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * SBOMs an agent analysed itself ({@code POST /ingest/v1/sboms}): authenticated exactly as a relayed chunk, then
 * stored through {@link SbomUploads} for the tenant the cluster is registered to.
 *
 * <p>Order matters, as in {@link ChunkRelay}: the HMAC over the exact body is verified with the key of the cluster
 * the header names before anything else is read, and an unknown cluster and a bad signature get the same answer.
 * The tenant comes from the registration, never from the request. The signature covers the body, not the digest
 * header, so the document must name the same digest: a captured body cannot be filed under another image.
 */
@Component
public class SbomIngest {

    /** The image digest the SBOM is for (the agent's {@code SbomSender} sets it). */
    public static final String IMAGE_DIGEST_HEADER = "X-Kubeward-Image-Digest";
    /** The body as sent (gzip) and the document decompressed: both at most this. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    static final String BAD_CREDENTIAL = "The cluster id or the SBOM signature was not accepted.";

    /** Stores an SBOM for a tenant; {@link SbomUploads#upload} in the application. */
    @FunctionalInterface
    interface Uploader {
        SbomUploads.Uploaded upload(UUID tenant, String digest, byte[] document, String actor);
    }

    private final Function<UUID, Optional<ClusterKey>> clusters;
    private final Uploader uploads;
    private final SbomParser parser = new SbomParser();

    @Autowired
    public SbomIngest(ClusterCredentials credentials, SbomUploads uploads) {
        this(credentials::keyOf, uploads::upload);
    }

    SbomIngest(Function<UUID, Optional<ClusterKey>> clusters, Uploader uploads) {
        this.clusters = clusters;
        this.uploads = uploads;
    }

    /** What was stored, for the agent's log. */
    public record Accepted(String digest, int components, int matchable, boolean changed) {
    }

    /** @throws IngestRejected when the SBOM can never be accepted as sent */
    public Accepted accept(String clusterHeader, String signature, String digestHeader, byte[] body) {
        if (body.length > MAX_BYTES) throw new IngestRejected(413, "oversized", "SBOM of " + body.length + " bytes exceeds " + MAX_BYTES);
        UUID clusterId = parseUuid(clusterHeader);
        ClusterKey cluster = clusterId == null ? null : clusters.apply(clusterId).orElse(null);
        if (cluster == null || !ChunkSigner.verify(cluster.secret(), body, signature)) {
            throw new IngestRejected(401, "bad-credential", BAD_CREDENTIAL);
        }
        if (digestHeader == null || !SbomUploads.DIGEST.matcher(digestHeader).matches()) {
            throw new IngestRejected(400, "bad-digest", IMAGE_DIGEST_HEADER + " must be sha256: and 64 lower-case hex digits");
        }
        byte[] document = gunzip(body);
        String named = namedDigest(document);
        if (!digestHeader.equals(named)) {
            throw new IngestRejected(400, "mismatched-digest", "the SBOM describes " + (named == null ? "no image digest" : named)
                    + ", not the " + IMAGE_DIGEST_HEADER + " " + digestHeader);
        }
        SbomUploads.Uploaded uploaded;
        try {
            uploaded = TenantContext.callAs(cluster.tenantId(),
                    () -> uploads.upload(cluster.tenantId(), digestHeader, document, "agent:" + cluster.clusterId()));
        } catch (SbomUploads.InvalidSbom e) {
            throw new IngestRejected(400, "invalid-sbom", e.getMessage());
        }
        return new Accepted(uploaded.digest(), uploaded.components(), uploaded.matchable(), uploaded.changed());
    }

    private String namedDigest(byte[] document) {
        try {
            Sbom sbom = parser.parse(ChunkCodec.mapper().readTree(document));
            return sbom.imageDigest();
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestRejected(400, "invalid-sbom", "not a CycloneDX or SPDX JSON document: " + e.getMessage());
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) throw new IngestRejected(413, "oversized", "SBOM exceeds " + MAX_BYTES + " bytes decompressed");
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IngestRejected(400, "undecodable", "not a gzip stream: " + e.getMessage());
        }
    }

    private static UUID parseUuid(String s) {
        if (s == null || s.length() != 36) return null;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
