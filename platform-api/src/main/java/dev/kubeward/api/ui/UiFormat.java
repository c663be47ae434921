package dev.kubeward.api.ui;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Formatting the pages share, exposed to templates as {@code @ui}: scores, ages, provider and framework
 * names, severity, and sparkline geometry (drawn as inline SVG, so tiles need no script).
 */
@Component("ui")
public class UiFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private static final Map<String, String> PROVIDERS = Map.of("eks", "Amazon EKS", "aks", "Azure AKS", "gke", "Google GKE",
            "onprem", "On-premises", "openshift", "OpenShift", "unknown", "Other");
    private static final Map<String, String> FRAMEWORKS = Map.ofEntries(
            Map.entry("AllControls", "All controls"), Map.entry("ArmoBest", "ARMO best practices"),
            Map.entry("ClusterScan", "Cluster scan"), Map.entry("DevOpsBest", "DevOps best practices"),
            Map.entry("MITRE", "MITRE ATT&CK"), Map.entry("NSA", "NSA-CISA hardening"), Map.entry("SOC2", "SOC 2"),
            Map.entry("security", "Kubescape security"), Map.entry("WorkloadScan", "Workload scan"),
            Map.entry("cis-aks-t1.2.0", "CIS AKS 1.2.0"), Map.entry("cis-aks-t1.8.0", "CIS AKS 1.8.0"),
            Map.entry("cis-eks-t1.7.0", "CIS EKS 1.7.0"), Map.entry("cis-eks-t1.8.0", "CIS EKS 1.8.0"),
            Map.entry("cis-gke-v1.9.0", "CIS GKE 1.9.0"), Map.entry("cis-v1.10.0", "CIS Kubernetes 1.10.0"),
            Map.entry("cis-v1.12.0", "CIS Kubernetes 1.12.0"), Map.entry("PSS-Baseline", "PSS Baseline"),
            Map.entry("PSS-Restricted", "PSS Restricted"), Map.entry("PCI-DSS-v4.0", "PCI DSS v4.0"),
            Map.entry("KubewardRBAC", "Kubeward RBAC"));

    /** The framework pages open on when the URL names none. */
    public static final String DEFAULT_FRAMEWORK = "NSA";

    public String ago(Instant at) {
        if (at == null) return "never";
        Duration d = Duration.between(at, Instant.now());
        if (d.isNegative() || d.toSeconds() < 60) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + " min ago";
        if (d.toHours() < 48) return d.toHours() + " h ago";
        return d.toDays() + " days ago";
    }

    public String dateTime(Instant at) {
        return at == null ? "—" : DATE_TIME.format(at);
    }

    public String date(Instant at) {
        return at == null ? "—" : DATE.format(at);
    }

    public String day(LocalDate d) {
        return d == null ? "—" : SHORT_DAY.format(d);
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A score as "72.4%", or "N/A" when nothing was evaluated. */
    public String pct(Object score) {
        Double v = toDouble(score);
        if (v == null) return "N/A";
        return String.format(Locale.ENGLISH, v >= 99.95 || v == Math.rint(v) ? "%.0f%%" : "%.1f%%", v);
    }

    /** Width for score bars, 0–100. */
    public int width(Object score) {
        Double v = toDouble(score);
        return v == null ? 0 : (int) Math.round(Math.max(0, Math.min(100, v)));
    }

    /** CSS band of a score: good ≥ 80, fair ≥ 60, poor below, na without score. */
    public String band(Object score) {
        Double v = toDouble(score);
        if (v == null) return "na";
        return v >= 80 ? "good" : v >= 60 ? "fair" : "poor";
    }

    public String points(double gain) {
        return String.format(Locale.ENGLISH, "+%.1f", gain);
    }

    public String num(Object n) {
        if (n == null) return "0";
        return String.format(Locale.ENGLISH, "%,d", ((Number) n).longValue());
    }

    public String dec(Object n) {
        Double v = toDouble(n);
        return v == null ? "—" : String.format(Locale.ENGLISH, "%,.1f", v);
    }

    public String provider(String p) {
        return PROVIDERS.getOrDefault(p == null ? "unknown" : p.toLowerCase(Locale.ROOT), p);
    }

    public String framework(String name) {
        if (name == null) return "";
        String t = FRAMEWORKS.get(name);
        if (t != null) return t;
        return ControlCatalog.standard().framework(name).map(Framework::title).orElse(name);
    }

    public String controlName(String id) {
        return ControlCatalog.standard().control(id).map(ControlDefinition::name).orElse(id);
    }

    public String severityOf(String controlId) {
        return ControlCatalog.standard().control(controlId).map(d -> d.severity().name().toLowerCase(Locale.ROOT)).orElse("low");
    }

    public String cap(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Label of a control status as the worker records it. */
    public String status(String s) {
        if (s == null) return "";
        return switch (s) {
            case "failed" -> "Failed";
            case "passed" -> "Passed";
            case "not-applicable" -> "N/A";
            case "requires-external-data" -> "Needs host/cloud data";
            case "manual" -> "Manual review";
            case "not-evaluated" -> "Not evaluated";
            default -> cap(s);
        };
    }

    /** A namespace for display: cluster-scoped objects have none. */
    public String ns(String namespace) {
        return namespace == null || namespace.isEmpty() ? "cluster-scoped" : namespace;
    }

    /** Polyline points of a sparkline over {@code values} (nulls skipped), in a w × h box, 0–100 scale. */
    public String spark(List<?> values, int w, int h) {
        List<Double> v = new ArrayList<>();
        for (Object o : values) v.add(toDouble(o));
        long present = v.stream().filter(Objects::nonNull).count();
        if (present == 0) return "";
        double min = v.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(100);
        // a flat line sits in the middle; otherwise the range is stretched but never below 10 points
        double lo = Math.max(0, Math.min(min, max - 10)), hi = Math.max(max, lo + 10);
        StringBuilder sb = new StringBuilder();
        int n = v.size();
        for (int i = 0; i < n; i++) {
            if (v.get(i) == null) continue;
            double x = n == 1 ? w / 2.0 : 2 + (w - 4) * i / (double) (n - 1);
            double y = 2 + (h - 4) * (1 - (v.get(i) - lo) / (hi - lo));
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(String.format(Locale.ENGLISH, "%.1f,%.1f", x, y));
        }
        return sb.toString();
    }

    /** The last point of {@link #spark}, for the end dot. */
    public String sparkEnd(List<?> values, int w, int h) {
        String pts = spark(values, w, h);
        if (pts.isEmpty()) return "";
        return pts.substring(pts.lastIndexOf(' ') + 1);
    }

    public String sparkEndX(List<?> values, int w, int h) {
        String e = sparkEnd(values, w, h);
        return e.isEmpty() ? "0" : e.substring(0, e.indexOf(','));
    }

    public String sparkEndY(List<?> values, int w, int h) {
        String e = sparkEnd(values, w, h);
        return e.isEmpty() ? "0" : e.substring(e.indexOf(',') + 1);
    }

    /**
     * {@code path} with the page's query parameters, some replaced: {@code overrides} are key, value pairs; a
     * null or empty value drops the key. Lets sort headers, pagers and facet links keep every other filter.
     */
    public String link(String path, Map<String, List<String>> params, String... overrides) {
        Map<String, List<String>> p = new java.util.LinkedHashMap<>(params);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null || overrides[i + 1].isEmpty()) p.remove(overrides[i]);
            else p.put(overrides[i], List.of(overrides[i + 1]));
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : p.entrySet()) {
            for (String v : e.getValue()) {
                if (v == null || v.isEmpty()) continue;
                sb.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** Whether a multi-valued parameter holds {@code value}. */
    public boolean has(Map<String, List<String>> params, String key, String value) {
        return params.getOrDefault(key, List.of()).contains(value);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Double toDouble(Object o) {
        if (o == null) return null;
        if (o instanceof BigDecimal b) return b.doubleValue();
        if (o instanceof Number n) return n.doubleValue();
        return null;
    }
}
