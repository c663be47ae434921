package dev.kubeward.engine.conformance;

import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreement with Kubescape's own rule test cases (src/test/resources/conformance, Apache-2.0, see SOURCE.md).
 * Writes per-rule figures to target/conformance-report.txt.
 */
class ConformanceTest {

    @Test
    void implementedRulesAgreeWithKubescapeCases() throws IOException, URISyntaxException {
        Path cases = Path.of(getClass().getResource("/conformance/regolibrary-cases.jsonl").toURI());
        ConformanceRunner runner = new ConformanceRunner(RuleLibrary.standard());
        List<Verdict> verdicts = ConformanceRunner.load(cases).stream().map(runner::judge).toList();

        List<Verdict> judged = verdicts.stream().filter(v -> v.outcome() == Outcome.AGREED || v.outcome() == Outcome.DISAGREED).toList();
        long agreed = judged.stream().filter(v -> v.outcome() == Outcome.AGREED).count();
        Map<String, long[]> perRule = new TreeMap<>();
        for (Verdict v : judged) {
            long[] c = perRule.computeIfAbsent(v.testCase().rule(), k -> new long[2]);
            c[v.outcome() == Outcome.AGREED ? 0 : 1]++;
        }
        StringBuilder report = new StringBuilder();
        report.append("judged=").append(judged.size()).append(" agreed=").append(agreed)
                .append(" notImplemented=").append(verdicts.stream().filter(v -> v.outcome() == Outcome.NOT_IMPLEMENTED).count()).append('\n');
        perRule.forEach((rule, c) -> report.append(rule).append(' ').append(c[0]).append('/').append(c[0] + c[1]).append('\n'));
        report.append("\nDisagreements:\n");
        judged.stream().filter(v -> v.outcome() == Outcome.DISAGREED)
                .forEach(v -> report.append(v.testCase().id()).append(": ").append(v.reason()).append('\n'));
        report.append("\nNot implemented rules: ").append(verdicts.stream().filter(v -> v.outcome() == Outcome.NOT_IMPLEMENTED)
                .map(v -> v.testCase().rule()).distinct().sorted().collect(Collectors.joining(", "))).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/conformance-report.txt"), report);

        if (!judged.isEmpty()) {
            assertThat((double) agreed / judged.size()).as(report.toString()).isGreaterThanOrEqualTo(0.97);
        }
    }
}
