package dev.kubeward.api.vuln.web;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.api.vuln.BucketSummary;
import dev.kubeward.api.vuln.CveDetail;
import dev.kubeward.api.vuln.ImageDetail;
import dev.kubeward.api.vuln.ImageQueries;
import dev.kubeward.api.vuln.ImageSummary;
import dev.kubeward.api.vuln.SbomUploads;
import dev.kubeward.api.vuln.VulnExport;
import dev.kubeward.api.vuln.VulnerabilityQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Images, their SBOMs and vulnerabilities, CVEs across clusters, the bucket dashboard, CSV and SARIF export. */
@Tag(name = "Vulnerabilities", description = "Image inventory, SBOM upload, CVEs prioritised by workload context")
@RestController
@PreAuthorize("hasRole('VIEWER')")
class ImagesApi {

    private final ImageQueries images;
    private final VulnerabilityQueries queries;
    private final SbomUploads uploads;
    private final VulnExport export;
    private final AuditLog audit;
    private final long maxSbomBytes;

    ImagesApi(ImageQueries images, VulnerabilityQueries queries, SbomUploads uploads, VulnExport export, AuditLog audit,
              @Value("${kubeward.vuln.max-sbom-bytes:33554432}") long maxSbomBytes) {
        this.images = images;
        this.queries = queries;
        this.uploads = uploads;
        this.export = export;
        this.audit = audit;
        this.maxSbomBytes = maxSbomBytes;
    }

    @Operation(summary = "Images the tenant runs", description = "Every image reference and resolved digest with the clusters, clouds, "
            + "namespaces and workloads running it and since when; CVE counts and buckets where an SBOM was analysed.")
    @GetMapping("/api/v1/images")
    List<ImageSummary> list(@Parameter(description = "risk (default), critical, workloads, image, last-seen") @RequestParam(defaultValue = "risk") String sort,
                            @RequestParam(required = false) UUID cluster, @RequestParam(required = false) String namespace,
                            @Parameter(description = "Only images with at least one fixable CVE") @RequestParam(defaultValue = "false") boolean fixable,
                            @RequestParam(defaultValue = "500") int limit) {
        return images.list(Tenant.current(), new ImageQueries.Filter(cluster, blankToNull(namespace), null, fixable, sort, limit));
    }

    @Operation(summary = "One image", description = "Packages, CVEs with fix versions and buckets, workloads running it, best upgrades.")
    @GetMapping("/api/v1/images/{digest}")
    ImageDetail image(@PathVariable String digest) {
        return queries.image(Tenant.current(), digest);
    }

    @Operation(summary = "Upload an SBOM for an image digest", description = "CycloneDX JSON (1.4-1.6) or SPDX JSON (2.3). Stored once per "
            + "digest and analysed at once; the same document again changes nothing. 400 with the reason for anything else; 413 above "
            + "kubeward.vuln.max-sbom-bytes.")
    @PostMapping(path = "/api/v1/images/{digest}/sbom", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/vnd.cyclonedx+json",
            "application/spdx+json", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasRole('ANALYST')")
    SbomUploads.Uploaded upload(@PathVariable String digest, HttpServletRequest request)
            throws IOException {
        if (request.getContentLengthLong() > maxSbomBytes) throw new SbomTooLarge(maxSbomBytes);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSbomBytes + 1));
        }
        if (body.length > maxSbomBytes) throw new SbomTooLarge(maxSbomBytes);
        if (body.length == 0) throw new SbomUploads.InvalidSbom("the request body is empty; send the SBOM document as JSON");
        SbomUploads.Uploaded result = uploads.upload(Tenant.current(), digest, body, CurrentTenant.require().name());
        if (result.changed()) {
            audit.record("sbom.uploaded", "image:" + digest, Map.of("format", result.format(), "components", result.components()));
        }
        return result;
    }

    @Operation(summary = "One CVE across clusters", description = "Every affected package and workload, with its bucket and the reasons.")
    @GetMapping("/api/v1/cves/{id}")
    CveDetail cve(@PathVariable String id) {
        return queries.cve(Tenant.current(), id);
    }

    @Operation(summary = "CVE counts per bucket", description = "CVE × workload pairs per bucket (act now, plan, watch) and distinct CVEs "
            + "in their most urgent bucket: the noise removed, measured.")
    @GetMapping("/api/v1/vulnerabilities/summary")
    BucketSummary summary(@RequestParam(required = false) UUID cluster) {
        return queries.buckets(Tenant.current(), cluster);
    }

    @Operation(summary = "Export image vulnerabilities", description = "format=csv or sarif (SARIF 2.1.0); digest narrows to one image.")
    @GetMapping("/api/v1/vulnerabilities/export")
    ResponseEntity<String> export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String digest) {
        return VulnExportPage.download(export, format, digest);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Above the configured SBOM size (413). */
    static final class SbomTooLarge extends RuntimeException {
        SbomTooLarge(long max) {
            super("the SBOM is larger than " + max + " bytes (kubeward.vuln.max-sbom-bytes)");
        }
    }
}
