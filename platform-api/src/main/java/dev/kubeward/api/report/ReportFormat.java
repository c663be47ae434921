package dev.kubeward.api.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting used by the report template ({@code f} in {@code reports/document.html}); times in UTC. */
public final class ReportFormat {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    public String pct(Double v) {
        return v == null ? "N/A" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    public String delta(Double v) {
        if (v == null) return "n/a";
        return String.format(Locale.ROOT, "%+.1f pts", v);
    }

    public String ts(Instant i) {
        return i == null ? "-" : TS.format(i);
    }

    public String day(Instant i) {
        return i == null ? "-" : DAY.format(i);
    }

    public String status(String s) {
        return switch (s == null ? "" : s) {
            case "passed" -> "Passed";
            case "failed" -> "Failed";
            case "excepted" -> "Passed (excepted)";
            case "not-applicable" -> "N/A";
            case "requires-external-data" -> "Needs host/cloud data";
            case "manual" -> "Manual";
            default -> "Not evaluated";
        };
    }

    public String css(String s) {
        return "st-" + (s == null ? "none" : s);
    }

    /** Failed paths as stored (a JSON list) made readable: at most a few, without JSON punctuation. */
    public String paths(String json) {
        if (json == null || json.isBlank() || "[]".equals(json)) return "";
        String s = json.replaceAll("^\\[|\\]$", "").replace("\"", "").replace(",", ", ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
