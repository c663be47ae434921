package dev.kubeward.api.vuln.web;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.vuln.AdvisoryImport;
import dev.kubeward.api.vuln.AdvisoryImporter;
import dev.kubeward.api.vuln.VulnerabilityRefresh;
import dev.kubeward.api.vuln.internal.AdvisoryStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Offline advisory import (admin): an OSV bundle zip, the CISA KEV JSON and an EPSS CSV, as one zip body or as
 * multipart parts {@code osv}, {@code kev}, {@code epss}. Advisories are reference data shared by all tenants.
 */
@Tag(name = "Vulnerabilities")
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AdvisoriesApi {

    private final AdvisoryImporter importer;
    private final VulnerabilityRefresh refresh;
    private final AdvisoryStore store;
    private final AuditLog audit;

    AdvisoriesApi(AdvisoryImporter importer, VulnerabilityRefresh refresh, AdvisoryStore store, AuditLog audit) {
        this.importer = importer;
        this.refresh = refresh;
        this.store = store;
        this.audit = audit;
    }

    @Operation(summary = "Import an advisory bundle (zip body)", description = "A zip of OSV JSON records (any directory layout); it may also "
            + "hold known_exploited_vulnerabilities.json (or kev*.json) and an EPSS *.csv / *.csv.gz. Idempotent by content hash: "
            + "importing the same files again changes nothing.")
    @PostMapping(path = "/api/v1/advisories/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    AdvisoryImport importZip(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return done(importer.importUpload(new AdvisoryImporter.Upload(in, null, null)));
        }
    }

    @Operation(summary = "Import advisories (multipart)", description = "Parts: osv (zip of OSV JSON), kev (CISA KEV JSON), epss (EPSS CSV); "
            + "each optional, at least one. Multipart size limits are the container's (spring.servlet.multipart.*).")
    @PostMapping(path = "/api/v1/advisories/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AdvisoryImport importParts(@RequestPart(required = false) MultipartFile osv, @RequestPart(required = false) MultipartFile kev,
                               @RequestPart(required = false) MultipartFile epss) throws IOException {
        if (osv == null && kev == null && epss == null) throw new IllegalArgumentException("send at least one of the parts osv, kev, epss");
        try (InputStream zip = osv == null ? null : osv.getInputStream()) {
            return done(importer.importUpload(new AdvisoryImporter.Upload(zip, kev == null ? null : kev.getBytes(),
                    epss == null ? null : epss.getBytes())));
        }
    }

    @Operation(summary = "Imported advisory feeds", description = "Per feed: version, entries, content hash, when; and the advisory count.")
    @GetMapping("/api/v1/advisories")
    Map<String, Object> feeds() {
        return Map.of("advisories", store.advisoryCount(), "generation", store.generation(), "feeds", store.feeds());
    }

    private AdvisoryImport done(AdvisoryImport result) {
        refresh.imported(result);
        audit.record("advisories.imported", "advisories", Map.of("added", result.added(), "updated", result.updated(),
                "unchanged", result.unchanged(), "kev", result.kev(), "epss", result.epss(), "rejected", result.rejected().size()));
        return result;
    }
}
