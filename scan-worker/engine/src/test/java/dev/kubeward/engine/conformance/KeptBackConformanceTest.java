package dev.kubeward.engine.conformance;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.conformance.ConformanceRunner.Outcome;
import dev.kubeward.engine.conformance.ConformanceRunner.Verdict;
import dev.kubeward.engine.evaluation.RuleLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure must hold on cases the build has never seen: the project owners keep part of Kubescape's cases back
 * and run this test with {@code -Dkubeward.conformance.kept-back=FILE} (or {@code KUBEWARD_CONFORMANCE_KEPT_BACK=FILE}),
 * a file in the format of {@code regolibrary-cases.jsonl}. Without it the test is skipped, as nothing can be judged.
 * <p>
 * Judged as {@link ConformanceTest} judges the control library (RBAC aside). NB: a kept-back case may test a rule of
 * one of our controls that the cases we hold never exercised; a rule we lack there is a disagreement, not a case to
 * leave out, or the figure would rise by knowing less. Only cases of controls that need host or cloud data may go
 * unjudged when we have no rule for them.
 */
class KeptBackConformanceTest {

    static final String PROPERTY = "kubeward.conformance.kept-back";
    static final String VARIABLE = "KUBEWARD_CONFORMANCE_KEPT_BACK";
    private static final Set<String> EVALUATED_SCOPES = Set.of("per-resource", "cross-resource", "hybrid");

    static boolean keptBackCasesGiven() {
        return keptBackCases() != null;
    }

    private static Path keptBackCases() {
        String file = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** The controls of the control-library issue: every one judged from the Kubernetes API, RBAC aside. */
    private static Set<String> controlLibrary() {
        return ControlCatalog.standard().controls().stream()
                .filter(c -> EVALUATED_SCOPES.contains(c.inputScope()))
                .map(ControlDefinition::id)
                .filter(id -> !ConformanceTest.RBAC_CONTROLS.contains(id))
                .collect(Collectors.toSet());
    }

    @Test
    @EnabledIf("keptBackCasesGiven")
    void keptBackCasesOfTheControlLibraryAgreeAtLeastAsOftenAsTheOnesWeHold() throws IOException {
        Path file = keptBackCases();
        assertThat(file).as("kept-back cases").isRegularFile();
        Set<String> library = controlLibrary();
        ConformanceRunner runner = new ConformanceRunner(RuleLibrary.standard());
        List<Verdict> judged = ConformanceRunner.load(file).stream()
                .filter(c -> c.controls().stream().noneMatch(ConformanceTest.RBAC_CONTROLS::contains))
                .map(runner::judge)
                .filter(v -> v.outcome() != Outcome.SKIPPED)
                .filter(v -> v.outcome() != Outcome.NOT_IMPLEMENTED || v.testCase().controls().stream().anyMatch(library::contains))
                .toList();
        List<String> disagreements = judged.stream().filter(v -> v.outcome() != Outcome.AGREED)
                .map(v -> v.testCase().id() + ": " + v.reason()).toList();
        String report = "judged=" + judged.size() + " disagreed=" + disagreements.size() + "\n" + String.join("\n", disagreements);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/conformance-kept-back-report.txt"), report);

        assertThat(judged).as("kept-back cases judged for the control library").isNotEmpty();
        double agreement = (double) (judged.size() - disagreements.size()) / judged.size();
        assertThat(agreement).as(report).isGreaterThanOrEqualTo(0.97);
    }
}
