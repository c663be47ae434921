package dev.kubeward.engine.conformance;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures in docs/conformance.md and on each group's page are the ones the engine gives today: the table is
 * generated ({@link ConformanceFigures}), the group pages are prose around figures that this test holds to the engine.
 */
class ConformanceDocsTest {

    private static final Path DOCS = Path.of("..", "..", "docs");
    private static final String REGENERATE = "regenerate with `java -jar scan-worker/target/scan-worker.jar conformance "
            + "scan-worker/engine/src/test/resources/conformance/regolibrary-cases.jsonl --figures docs/conformance.md`";

    /** How the group pages write a rule's figure: "`rule` 3/3", "`rule` | 3 / 3" and, for RBAC, "| C-0007 | rule | 2/2". */
    private static final List<Pattern> RULE_FIGURES = List.of(
            Pattern.compile("`([A-Za-z0-9-]+)` (\\d+)/(\\d+)"),
            Pattern.compile("`([A-Za-z0-9-]+)` \\| (\\d+) / (\\d+)"),
            Pattern.compile("(?m)^\\| C-\\d+ \\| ([A-Za-z0-9-]+) \\| (\\d+)/(\\d+)"));

    private static ConformanceFigures figures;
    private static final Map<String, String> ruleFigures = new TreeMap<>();

    @BeforeAll
    static void judgeTheCorpus() throws Exception {
        Path cases = Path.of(ConformanceDocsTest.class.getResource("/conformance/regolibrary-cases.jsonl").toURI());
        RuleLibrary library = RuleLibrary.standard();
        ConformanceRunner runner = new ConformanceRunner(library);
        List<Verdict> verdicts = ConformanceRunner.load(cases).stream().map(runner::judge).toList();
        figures = ConformanceFigures.of(verdicts, library, ControlCatalog.standard());
        Map<String, int[]> perRule = new TreeMap<>();
        for (Verdict v : verdicts) {
            if (v.outcome() != Outcome.AGREED && v.outcome() != Outcome.DISAGREED) continue;
            int[] n = perRule.computeIfAbsent(v.testCase().rule(), r -> new int[2]);
            if (v.outcome() == Outcome.AGREED) n[0]++;
            n[1]++;
        }
        perRule.forEach((rule, n) -> ruleFigures.put(rule, n[0] + "/" + n[1]));
    }

    @Test
    void figuresTableOfTheConformancePageIsGeneratedFromTheEngine() throws Exception {
        String page = Files.readString(DOCS.resolve("conformance.md"));
        assertThat(page).as("docs/conformance.md is stale; " + REGENERATE).isEqualTo(figures.replaceIn(page));
    }

    @Test
    void eachGroupPageStatesItsGroupsFigure() throws Exception {
        for (ConformanceGroup group : ConformanceGroup.values()) {
            ConformanceFigures.Row row = figures.row(group);
            assertThat(row.judged()).as("cases judged for " + group).isPositive();
            assertThat(Files.readString(DOCS.resolve(group.page()))).as("docs/" + group.page() + " states the figure of the table")
                    .contains(row.casesPhrase());
        }
    }

    @Test
    void everyRuleFigureOnTheGroupPagesIsTheEngines() throws Exception {
        List<String> stale = new ArrayList<>();
        int checked = 0;
        for (ConformanceGroup group : ConformanceGroup.values()) {
            String page = Files.readString(DOCS.resolve(group.page()));
            for (Pattern p : RULE_FIGURES) {
                Matcher m = p.matcher(page);
                while (m.find()) {
                    checked++;
                    String stated = m.group(2) + "/" + m.group(3), actual = ruleFigures.getOrDefault(m.group(1), "0/0");
                    if (!stated.equals(actual)) stale.add(group.page() + ": " + m.group(1) + " says " + stated + ", the engine gives " + actual);
                }
            }
        }
        assertThat(checked).as("rule figures found on the group pages").isGreaterThan(200);
        assertThat(stale).isEmpty();
    }
}
