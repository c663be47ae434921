package dev.kubeward.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.conformance.ConformanceCase;
import dev.kubeward.engine.conformance.ConformanceRunner;
import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code conformance CASES.jsonl}: judges the engine against Kubescape's rule test cases and prints
 * per-control agreement, then one JSON line {@code {"cases":N,"agreed":N,"disagreed":[ids]}}. Exit 0 whatever the score.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, description = "Run a corpus of Kubescape rule test cases.")
final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES.jsonl")
    Path cases;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConformanceRunner runner = new ConformanceRunner(RuleLibrary.standard());
        List<ConformanceCase> all = ConformanceRunner.load(cases);
        Map<String, int[]> perControl = new TreeMap<>();
        ObjectNode summary = new ObjectMapper().createObjectNode();
        var disagreed = summary.arrayNode();
        int judged = 0, agreed = 0;
        for (ConformanceCase c : all) {
            Verdict v = runner.judge(c);
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
        summary.put("cases", judged);
        summary.put("agreed", agreed);
        summary.set("disagreed", disagreed);
        out.println(summary.toString());
        out.flush();
        return 0;
    }
}
