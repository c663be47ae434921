package dev.kubeward.engine.report;

import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.SkippedInput;

import java.util.Comparator;

/** Human-readable summary: failed controls by severity with their resources, framework scores, what was skipped. */
public final class TableReport {

    private TableReport() {
    }

    public static String render(ScanReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Scanned %d objects.%n%n", report.result().objectCount()));
        out.append(String.format("%-9s %-8s %-60s %s%n", "SEVERITY", "CONTROL", "NAME", "FAILED/EVALUATED"));
        report.result().controls().stream().filter(c -> c.status() == ControlStatus.FAILED)
                .sorted(Comparator.comparing((ControlResult c) -> c.control().severity()).reversed().thenComparing(c -> c.control().id()))
                .forEach(c -> {
                    out.append(String.format("%-9s %-8s %-60s %d/%d%n", c.control().severity().label(), c.control().id(),
                            trim(c.control().name(), 60), c.failedCount(), c.evaluatedCount()));
                    for (ResourceResult rr : c.failed()) {
                        out.append("          - ").append(rr.resource().display());
                        if (!rr.failedPaths().isEmpty()) out.append("  ").append(String.join(", ", rr.failedPaths()));
                        out.append('\n');
                    }
                });
        report.result().controls().stream().filter(c -> c.exceptedCount() > 0).forEach(c -> c.excepted().forEach(ex ->
                out.append(String.format("%-9s %-8s excepted: %s (%s: %s)%n", c.control().severity().label(), c.control().id(),
                        ex.result().resource().display(), ex.exception(), ex.reason()))));
        out.append('\n');
        for (ScanReport.FrameworkScore fs : report.frameworkScores()) {
            out.append(String.format("%-22s %s  (%d passed, %d failed, %d not applicable, %d not evaluable)%n", fs.framework().name(),
                    fs.score().isPresent() ? String.format("%6.2f%%", fs.score().getAsDouble()) : "   N/A ",
                    fs.passed(), fs.failed(), fs.notApplicable(), fs.notEvaluable()));
        }
        if (!report.result().skipped().isEmpty()) {
            out.append("\nSkipped:\n");
            for (SkippedInput s : report.result().skipped()) out.append("  ").append(s.where()).append(": ").append(s.reason()).append('\n');
        }
        return out.toString();
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
