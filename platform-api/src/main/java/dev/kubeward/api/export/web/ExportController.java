package dev.kubeward.api.export.web;

import dev.kubeward.api.export.ExportFormat;
import dev.kubeward.api.export.FindingExporter;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingParams;
import dev.kubeward.api.finding.FindingSql;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

@Tag(name = "Exports", description = "Every finding of a filter as a file, streamed")
@RestController
@QueryApi
@PreAuthorize("hasRole('VIEWER')")
class ExportController {

    private final FindingExporter exporter;

    ExportController(FindingExporter exporter) {
        this.exporter = exporter;
    }

    @Operation(summary = "Export findings", description = """
            All findings matching the same filters as GET /api/v1/findings (default: open), in id order, as CSV, a JSON \
            array or SARIF 2.1.0. Streamed from the database as it is written, so millions of findings export without \
            timeouts or memory spikes.""")
    @GetMapping("/api/v1/findings/export")
    ResponseEntity<StreamingResponseBody> export(@Parameter(description = "csv, json or sarif") @RequestParam(defaultValue = "csv") String format,
                                                 @ParameterObject FindingParams params) {
        ExportFormat f = ExportFormat.parse(format);
        FindingFilter filter = params.filter();
        FindingSql.controls(filter); // an unknown framework answers 400 before the stream starts
        // The body runs on another thread after this method returns: carry the tenant over explicitly.
        UUID tenant = TenantContext.require();
        StreamingResponseBody body = out -> TenantContext.runAs(tenant, () -> {
            try {
                exporter.write(filter, f, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kubeward-findings-" + LocalDate.now() + "." + f.extension() + "\"")
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .body(body);
    }
}
