package dev.kubeward.api.vuln.web;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.api.vuln.VulnExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * The image-vulnerability export for the pages: the session-authenticated twin of {@code GET /api/v1/vulnerabilities/export},
 * which takes bearer tokens only (a browser following the page's link got 401). Both answer with {@link #download}.
 */
@UiPage
@Controller
class VulnExportPage {

    private final VulnExport export;

    VulnExportPage(VulnExport export) {
        this.export = export;
    }

    @GetMapping("/vulnerabilities/export")
    @ResponseBody
    ResponseEntity<String> export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String digest) {
        return download(export, format, digest);
    }

    /** The export as a download, for this page and for the API alike. */
    static ResponseEntity<String> download(VulnExport export, String format, String digest) {
        if (!format.equals("csv") && !format.equals("sarif")) throw new BadRequestException("format must be csv or sarif");
        List<VulnExport.Row> rows = export.rows(Tenant.current(), digest == null || digest.isBlank() ? null : digest);
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"image-vulnerabilities.csv\"").body(export.csv(rows));
        }
        String version = VulnExportPage.class.getPackage().getImplementationVersion();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/sarif+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"image-vulnerabilities.sarif\"")
                .body(export.sarif(rows, version == null ? "dev" : version));
    }
}
