package dev.kubeward.api.audit.web;

import dev.kubeward.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

/** Shared by the REST export and the settings page's download link. */
public final class AuditCsvExport {

    private AuditCsvExport() {
    }

    public static void write(AuditLog audit, Instant since, HttpServletResponse response) throws IOException {
        AuditApi.AuditCsv.write(audit, since, response);
    }
}
