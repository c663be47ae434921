package dev.kubeward.api.report;

import dev.kubeward.api.report.ComplianceReport.ControlRow;
import dev.kubeward.api.report.ComplianceReport.Evidence;

/**
 * The report as CSV for sampling and spreadsheets: one row per control, and one row per listed failing
 * resource of that control (RFC 4180 quoting; cells that a spreadsheet would run as a formula are defused).
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String of(ComplianceReport r) {
        StringBuilder b = new StringBuilder();
        row(b, "framework", "control_id", "control", "severity", "status", "failed", "passed", "excepted", "score",
                "cluster", "kind", "namespace", "name", "first_seen", "excepted_by");
        for (ControlRow c : r.controls()) {
            row(b, r.cover().framework(), c.id(), c.name(), c.severity(), c.status(), c.failed(), c.passed(), c.excepted(),
                    c.score() == null ? "" : c.score(), "", "", "", "", "", String.join("; ", c.exceptedBy()));
            for (Evidence e : c.evidence()) {
                row(b, r.cover().framework(), c.id(), c.name(), c.severity(), e.exceptedBy() == null ? "failed" : "excepted", "", "", "", "",
                        e.cluster(), e.kind(), e.namespace(), e.name(), e.firstSeen(), e.exceptedBy());
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells[i]));
        }
        b.append("\r\n");
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }
}
