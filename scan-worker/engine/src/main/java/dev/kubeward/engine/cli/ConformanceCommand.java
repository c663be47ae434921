package dev.kubeward.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.conformance.ConformanceCase;
import dev.kubeward.engine.conformance.ConformanceFigures;
import dev.kubeward.engine.conformance.ConformanceRunner;
import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code conformance CASES.jsonl}: judges the engine against Kubescape's rule test cases and prints
 * per-control agreement, then one JSON line {@code {"cases":N,"agreed":N,"disagreed":[ids]}}. Exit 0 whatever the score.
 * With {@code --figures docs/conformance.md} it also regenerates that page's figures table.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, description = "Run a corpus of Kubescape rule test cases.")
final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES.jsonl")
    Path cases;

    @Option(names = "--figures", paramLabel = "FILE",
            description = "Also rewrite the figures table of FILE (docs/conformance.md) from this run.")
    Path figures;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleLibrary library = RuleLibrary.standard();
        ConformanceRunner runner = new ConformanceRunner(library);
        List<ConformanceCase> all = ConformanceRunner.load(cases);
        Map<String, int[]> perControl = new TreeMap<>();
        ObjectNode summary = new ObjectMapper().createObjectNode();
        var disagreed = summary.arrayNode();
        int judged = 0, agreed = 0;
        List<Verdict> verdicts = new ArrayList<>();
        for (ConformanceCase c : all) {
            Verdict v = runner.judge(c);
            verdicts.add(v);
            if (v.outcome() == Outcome.SKIPPED) {
                out.println("skipped " + c.id() + ": " + v.reason());
                continue;
            }
            judged++;
            boolean ok = v.outcome() == Outcome.AGREED;
            if (ok) agreed++;
            else disagreed.add(c.id());
            for (String control : c.controls()) {
                int[] n = perControl.computeIfAbsent(control, k -> new int[2]);
                n[0] += ok ? 1 : 0;
                n[1]++;
            }
            if (!ok) out.println("disagree " + c.id() + ": " + v.reason());
        }
        out.println();
        perControl.forEach((control, n) -> out.printf("%-8s %3d/%-3d %s%n", control, n[0], n[1], n[0] == n[1] ? "" : "(" + (n[1] - n[0]) + " disagree)"));
        if (figures != null) {
            ConformanceFigures table = ConformanceFigures.of(verdicts, library, ControlCatalog.standard());
            Files.writeString(figures, table.replaceIn(Files.readString(figures)));
            out.println("figures written to " + figures);
        }
        summary.put("cases", judged);
        summary.put("agreed", agreed);
        summary.set("disagreed", disagreed);
        out.println(summary.toString());
        out.flush();
        return 0;
    }
}
