package dev.kubeward.api.finding.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.export.ExportFormat;
import dev.kubeward.api.export.FindingExporter;
import dev.kubeward.api.finding.FindingFacetCounts;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingGroups;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The findings list: every filter a URL parameter (the URL is the state, UI.md), paged and sorted on the
 * server, as single findings or grouped by control × owner workload, and exported with the same filters
 * (the session-authenticated twin of {@code GET /api/v1/findings/export}, which takes bearer tokens only).
 */
@UiPage
@Controller
class FindingsPageController {

    static final List<Integer> SIZES = List.of(25, 50, 100);

    private final FindingQueries findings;
    private final FindingGroups groups;
    private final FindingFacetCounts facets;
    private final ClusterQueries clusters;
    private final FindingExporter exporter;

    FindingsPageController(FindingQueries findings, FindingGroups groups, FindingFacetCounts facets, ClusterQueries clusters,
                           FindingExporter exporter) {
        this.findings = findings;
        this.groups = groups;
        this.facets = facets;
        this.clusters = clusters;
        this.exporter = exporter;
    }

    @GetMapping("/findings")
    String list(@RequestParam(required = false) List<UUID> cluster, @RequestParam(required = false) String framework,
                @RequestParam(required = false) List<String> control, @RequestParam(required = false) List<String> severity,
                @RequestParam(required = false) String namespace, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) String newSince,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "list") String view, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "50") int size, @RequestParam MultiValueMap<String, String> params, Model model) {
        FindingFilter filter = new FindingFilter(cluster, blank(framework), control, severity, namespace, blank(kind), blank(status),
                since(newSince), blank(q), null);
        FindingSort.Order order = FindingSort.Order.parse(sort);
        int pageSize = SIZES.contains(size) ? size : 50;
        boolean grouped = "grouped".equals(view);
        if (grouped) model.addAttribute("groups", groups.page(filter, Math.max(0, page), pageSize));
        else model.addAttribute("result", findings.page(filter, order, Math.max(0, page), pageSize));
        model.addAttribute("facets", facets.facets(filter.clusters(), 10));
        model.addAttribute("filter", filter);
        Map<String, List<String>> qs = new LinkedHashMap<>();
        params.forEach((k, v) -> { if (!k.equals("page")) qs.put(k, v.stream().filter(x -> x != null && !x.isBlank()).toList()); });
        model.addAttribute("qs", qs);
        model.addAttribute("clusters", clusters.all());
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks());
        model.addAttribute("newSince", blank(newSince));
        model.addAttribute("sort", order.token());
        model.addAttribute("view", grouped ? "grouped" : "list");
        model.addAttribute("size", pageSize);
        model.addAttribute("filtered", !filter.clusters().isEmpty() || filter.framework() != null || !filter.controls().isEmpty()
                || !filter.severities().isEmpty() || filter.namespace() != null || filter.kind() != null || !"open".equals(filter.status())
                || filter.newSince() != null || filter.q() != null);
        return "findings/index";
    }

    /**
     * Written on the request thread straight to the response, so the tenant scope of the request applies and no
     * async timeout cuts a long export; the exporter streams rows from the database as it writes them.
     */
    @GetMapping("/findings/export")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) List<UUID> cluster,
                @RequestParam(required = false) String framework, @RequestParam(required = false) List<String> control,
                @RequestParam(required = false) List<String> severity, @RequestParam(required = false) String namespace,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                @RequestParam(required = false) String newSince, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        FindingFilter filter = new FindingFilter(cluster, blank(framework), control, severity, namespace, blank(kind), blank(status),
                since(newSince), blank(q), null);
        response.setContentType(f.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kubeward-findings-" + LocalDate.now() + "." + f.extension() + "\"");
        exporter.write(filter, f, response.getOutputStream());
    }

    /** "7d" (the last seven days), a date (2026-11-20) or an instant. */
    static Instant since(String value) {
        String v = blank(value);
        if (v == null) return null;
        try {
            if (v.matches("\\d{1,4}d")) return Instant.now().minus(Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1))));
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            return Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadRequestException("newSince must be like 7d, 2026-11-20 or an ISO instant");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
