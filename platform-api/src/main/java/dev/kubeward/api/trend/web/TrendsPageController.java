package dev.kubeward.api.trend.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.trend.Trend;
import dev.kubeward.api.trend.TrendPoint;
import dev.kubeward.api.trend.TrendQueries;
import dev.kubeward.api.ui.UiFormat;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trends: the framework score per cluster and overall, open findings by severity and what each day opened
 * and fixed, over a date range the user picks. The page carries the series as a JSON data attribute;
 * {@code /js/trends.js} draws them with Chart.js (no inline script under the CSP).
 */
@UiPage
@Controller
class TrendsPageController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrendQueries trends;
    private final ClusterQueries clusters;

    TrendsPageController(TrendQueries trends, ClusterQueries clusters) {
        this.trends = trends;
        this.clusters = clusters;
    }

    @GetMapping("/trends")
    String trends(@RequestParam(required = false) String fw, @RequestParam(required = false) UUID cluster,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String framework = ControlCatalog.standard().framework(fw == null ? "" : fw).map(f -> f.name()).orElse(UiFormat.DEFAULT_FRAMEWORK);
        LocalDate end = day(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = day(from, end.minusDays(29));
        if (start.isAfter(end)) throw new BadRequestException("from must not be after to");
        Instant endExclusive = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Trend t = trends.trend(framework, cluster == null ? List.of() : List.of(cluster), start.atStartOfDay(ZoneOffset.UTC).toInstant(), endExclusive);
        List<ClusterSummary> all = clusters.all();
        model.addAttribute("t", t);
        model.addAttribute("fw", framework);
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks());
        model.addAttribute("clusters", all);
        model.addAttribute("cluster", cluster);
        model.addAttribute("clusterName", cluster == null ? null : all.stream().filter(c -> c.id().equals(cluster)).map(ClusterSummary::name).findFirst().orElse(null));
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("first", t.overall().stream().filter(p -> p.score() != null).findFirst().orElse(null));
        model.addAttribute("last", t.overall().stream().filter(p -> p.score() != null).reduce((a, b) -> b).orElse(null));
        model.addAttribute("newTotal", t.markers().stream().mapToInt(Trend.Marker::newFindings).sum());
        model.addAttribute("fixedTotal", t.markers().stream().mapToInt(Trend.Marker::resolvedFindings).sum());
        model.addAttribute("json", json(t, start, end, cluster == null));
        return "trends/index";
    }

    /** Every day of the range as a label; series padded with null where a cluster had no scan yet. */
    private static String json(Trend t, LocalDate start, LocalDate end, boolean withOverall) {
        List<String> labels = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) labels.add(d.toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("labels", labels);
        root.put("framework", t.framework());
        List<Map<String, Object>> series = new ArrayList<>();
        for (Trend.ClusterSeries s : t.clusters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.clusterName());
            m.put("scores", byDay(labels, s.points(), p -> p.score()));
            series.add(m);
        }
        root.put("clusters", series);
        root.put("overall", withOverall && t.clusters().size() > 1 ? byDay(labels, t.overall(), TrendPoint::score) : null);
        List<TrendPoint> counts = t.clusters().size() == 1 ? t.clusters().get(0).points() : t.overall();
        root.put("critical", byDay(labels, counts, p -> p.open().critical()));
        root.put("high", byDay(labels, counts, p -> p.open().high()));
        root.put("medium", byDay(labels, counts, p -> p.open().medium()));
        root.put("low", byDay(labels, counts, p -> p.open().low()));
        Map<String, Trend.Marker> markers = new LinkedHashMap<>();
        t.markers().forEach(m -> markers.put(m.day().toString(), m));
        root.put("newFindings", labels.stream().map(l -> markers.containsKey(l) ? markers.get(l).newFindings() : 0).toList());
        root.put("fixedFindings", labels.stream().map(l -> markers.containsKey(l) ? markers.get(l).resolvedFindings() : 0).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> byDay(List<String> labels, List<TrendPoint> points, java.util.function.Function<TrendPoint, Object> value) {
        Map<String, Object> at = new LinkedHashMap<>();
        points.forEach(p -> at.put(p.day().toString(), value.apply(p)));
        return labels.stream().map(at::get).toList();
    }

    private static LocalDate day(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("dates must look like 2026-11-20");
        }
    }
}
