package dev.kubeward.api.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.vuln.internal.ImageWorkloads;
import dev.kubeward.api.vuln.internal.SbomStore;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.engine.vuln.sbom.Sbom;
import dev.kubeward.engine.vuln.sbom.SbomParser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SBOM upload (CycloneDX JSON or SPDX JSON) for one image digest of the tenant in scope: validated, stored once per
 * digest, analysed at once, and the clusters running the digest re-prioritised. Uploading the same document again
 * changes nothing.
 */
@Service
public class SbomUploads {

    public static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** What an upload did. */
    public record Uploaded(String digest, String format, int components, int matchable, boolean changed, boolean analysed) {
    }

    /** Input we refuse, with a reason the uploader can act on (400). */
    public static class InvalidSbom extends RuntimeException {
        public InvalidSbom(String message) {
            super(message);
        }
    }

    private final SbomStore store;
    private final ImageWorkloads inventory;
    private final ImageAnalysis analysis;
    private final ClusterVulnerabilities clusters;
    private final TransactionTemplate tx;
    private final SbomParser parser = new SbomParser();

    public SbomUploads(SbomStore store, ImageWorkloads inventory, ImageAnalysis analysis, ClusterVulnerabilities clusters,
                       PlatformTransactionManager txManager) {
        this.store = store;
        this.inventory = inventory;
        this.analysis = analysis;
        this.clusters = clusters;
        this.tx = new TransactionTemplate(txManager);
    }

    public Uploaded upload(UUID tenant, String digest, byte[] document, String actor) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new InvalidSbom("the image digest must be sha256: followed by 64 lower-case hex digits, got '" + digest + "'");
        }
        JsonNode root;
        try {
            root = ChunkCodec.mapper().readTree(document);
        } catch (JsonProcessingException e) {
            throw new InvalidSbom("the SBOM is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidSbom("the SBOM cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidSbom("the SBOM must be a JSON object");
        Sbom sbom;
        try {
            sbom = parser.parse(root);
        } catch (IllegalArgumentException e) {
            throw new InvalidSbom("not a supported SBOM: " + e.getMessage() + "; send CycloneDX JSON (1.4-1.6) or SPDX JSON (2.3)");
        }
        if (sbom.digest().isPresent() && !sbom.digest().get().equals(digest)) {
            throw new InvalidSbom("the SBOM describes image " + sbom.digest().get() + ", not " + digest);
        }
        boolean changed = Boolean.TRUE.equals(tx.execute(s -> store.save(tenant, digest, sbom, document,
                AdvisoryImporter.sha256(document), actor, Instant.now())));
        boolean analysed = analysis.ensureAnalysed(tenant, digest);
        if (analysed) {
            for (UUID cluster : inventory.clustersRunning(tenant, digest)) clusters.prioritise(tenant, cluster);
        }
        return new Uploaded(digest, sbom.format(), sbom.components().size(), sbom.packages().size(), changed, analysed);
    }
}
