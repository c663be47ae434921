package dev.kubeward.api.audit.web;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.audit.AuditLog.Entry;
import dev.kubeward.api.tenant.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/** The tenant's audit log (admin only): paged JSON, and CSV export. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit log", description = "Who did what, when, from where (admin)")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first")
    Paged<Entry> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.min(Math.max(1, size), 500);
        int p = Math.max(0, page);
        return new Paged<>(audit.page(p, s), p, s, audit.count());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The whole audit log as CSV, oldest first")
    void export(@RequestParam(required = false) Instant since, HttpServletResponse response) throws IOException {
        AuditCsv.write(audit, since, response);
    }

    static final class AuditCsv {
        private AuditCsv() {
        }

        static void write(AuditLog audit, Instant since, HttpServletResponse response) throws IOException {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"kubeward-audit.csv\"");
            PrintWriter out = response.getWriter();
            out.print("at,actor,action,target,source_ip,details\r\n");
            audit.forEach(since, e -> out.print(String.join(",", cell(e.at().toString()), cell(e.actor()), cell(e.action()),
                    cell(e.target()), cell(e.sourceIp()), cell(e.details())) + "\r\n"));
            out.flush();
        }

        /** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote. */
        static String cell(String v) {
            if (v == null) return "";
            String s = v;
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || !s.equals(v)) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }
    }
}
