package dev.kubeward.api.audit.web;

import dev.kubeward.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;

/** Settings → Audit log (admin), with CSV download. */
@Controller
@RequestMapping("/settings/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditSettingsPage {

    private static final int SIZE = 50;
    private final AuditLog audit;

    AuditSettingsPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        long total = audit.count();
        model.addAttribute("entries", audit.page(p, SIZE));
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * SIZE < total);
        model.addAttribute("total", total);
        return "settings/audit";
    }

    @GetMapping("/export.csv")
    void export(HttpServletResponse response) throws IOException {
        AuditCsvExport.write(audit, null, response);
    }
}
