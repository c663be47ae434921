package dev.kubeward.engine.conformance;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures table of docs/conformance.md, computed from the verdicts so that it is never written by hand:
 * per group the Kubescape rules we implement and the cases agreed of those judged, then the control library
 * (every group but RBAC), RBAC and the whole corpus. {@code conformance CASES --figures docs/conformance.md}
 * rewrites the table between {@link #START} and {@link #END}.
 */
public final class ConformanceFigures {

    public static final String START = "<!-- conformance-figures:start (generated: scan-worker.jar conformance CASES --figures docs/conformance.md) -->";
    public static final String END = "<!-- conformance-figures:end -->";

    /** The Kubescape rules we implement in a group (or several) and the cases agreed of those judged. */
    public record Row(int rules, int agreed, int judged) {

        Row plus(Row other) {
            return new Row(rules + other.rules, agreed + other.agreed, judged + other.judged);
        }

        /** "100 of 101 cases", as each group's page states its figure. */
        public String casesPhrase() {
            return agreed + " of " + judged + " cases";
        }
    }

    private final Map<ConformanceGroup, Row> rows;

    private ConformanceFigures(Map<ConformanceGroup, Row> rows) {
        this.rows = rows;
    }

    /** Figures of agreed and disagreed verdicts; skipped cases and rules we lack have no group and count nowhere. */
    public static ConformanceFigures of(List<Verdict> verdicts, RuleLibrary library, ControlCatalog catalog) {
        Set<String> kubescapeRules = catalog.controls().stream().filter(c -> c.id().startsWith("C-"))
                .map(ControlDefinition::rules).flatMap(List::stream).collect(Collectors.toSet());
        Map<ConformanceGroup, int[]> counts = new EnumMap<>(ConformanceGroup.class);
        for (ConformanceGroup g : ConformanceGroup.values()) counts.put(g, new int[3]);
        library.all().forEach((name, rule) -> {
            if (kubescapeRules.contains(name)) ConformanceGroup.of(rule.getClass()).ifPresent(g -> counts.get(g)[0]++);
        });
        for (Verdict v : verdicts) {
            if (v.outcome() != Outcome.AGREED && v.outcome() != Outcome.DISAGREED) continue;
            library.rule(v.testCase().rule()).flatMap(r -> ConformanceGroup.of(r.getClass())).ifPresent(g -> {
                counts.get(g)[2]++;
                if (v.outcome() == Outcome.AGREED) counts.get(g)[1]++;
            });
        }
        Map<ConformanceGroup, Row> rows = new EnumMap<>(ConformanceGroup.class);
        counts.forEach((g, c) -> rows.put(g, new Row(c[0], c[1], c[2])));
        return new ConformanceFigures(rows);
    }

    public Row row(ConformanceGroup group) {
        return rows.get(group);
    }

    /** The Markdown table, markers included. */
    public String markdown() {
        List<String> lines = new ArrayList<>(List.of(START, "| group | rules | cases agreed / judged | detail |", "|---|---:|---:|---|"));
        Row library = new Row(0, 0, 0);
        for (ConformanceGroup g : ConformanceGroup.values()) {
            if (g == ConformanceGroup.RBAC) continue;
            Row r = rows.get(g);
            lines.add(line(g.title(), r, false, g));
            library = library.plus(r);
        }
        lines.add(line("**All rules of the control-library issue (non-RBAC)**", library, true, null));
        Row rbac = rows.get(ConformanceGroup.RBAC);
        lines.add(line(ConformanceGroup.RBAC.title(), rbac, false, ConformanceGroup.RBAC));
        lines.add(line("**Whole corpus**", library.plus(rbac), true, null));
        lines.add(END);
        return String.join("\n", lines) + "\n";
    }

    /** {@code document} with its figures table replaced by this one. */
    public String replaceIn(String document) {
        int start = document.indexOf(START), end = document.indexOf(END);
        if (start < 0 || end < start) throw new IllegalArgumentException("no figures table (" + START + " … " + END + ") in the document");
        return document.substring(0, start) + markdown().stripTrailing() + document.substring(end + END.length());
    }

    private static String line(String title, Row r, boolean bold, ConformanceGroup detail) {
        String figure = r.agreed() + " / " + r.judged() + " (" + percent(r) + ")";
        String link = detail == null ? "|" : "[" + detail.pageName() + "](" + detail.page() + ") |";
        return "| " + title + " | " + r.rules() + " | " + (bold ? "**" + figure + "**" : figure) + " | " + link;
    }

    private static String percent(Row r) {
        if (r.judged() == 0) return "no case";
        if (r.agreed() == r.judged()) return "100%";
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * r.agreed() / r.judged());
    }
}
