package dev.kubeward.worker.finding;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.worker.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSummaryTest {

    private static final ControlCatalog CATALOG = ControlCatalog.standard();

    private static ScanResult scan() {
        List<KubeObject> objects = Fixtures.cluster(30).stream().map(KubeObject::of).toList();
        return Evaluator.standard().evaluate(new Snapshot(ClusterInfo.UNKNOWN, objects), ControlInputs.defaults(), CATALOG.controls());
    }

    @Test
    void oneFindingPerFailedControlAndResource() {
        ScanResult result = scan();
        ScanSummary summary = ScanSummary.of(result, CATALOG);

        Set<String> expected = new HashSet<>();
        for (ControlResult c : result.controls()) {
            for (ResourceResult r : c.resources()) {
                if (r.failed()) expected.add(c.control().id() + "|" + r.resource().kind() + "|"
                        + (r.resource().namespace() == null ? "" : r.resource().namespace()) + "|" + r.resource().name());
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(summary.findings()).extracting(f -> f.controlId() + "|" + f.kind() + "|" + f.namespace() + "|" + f.name())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(summary.openBySeverity().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected.size());
        assertThat(summary.findings()).allSatisfy(f -> {
            assertThat(f.rulesJson()).startsWith("[");
            assertThat(f.severity()).isIn("critical", "high", "medium", "low");
        });
    }

    @Test
    void everyControlAndEveryFrameworkIsSummarised() {
        ScanResult result = scan();
        ScanSummary summary = ScanSummary.of(result, CATALOG);
        assertThat(summary.controls()).hasSize(result.controls().size());
        assertThat(summary.frameworks()).extracting(ScanSummary.FrameworkScore::framework)
                .containsExactlyElementsOf(CATALOG.frameworks().stream().map(Framework::name).toList());
        for (ScanSummary.FrameworkScore f : summary.frameworks()) {
            Framework fw = CATALOG.framework(f.framework()).orElseThrow();
            long known = fw.controlIds().stream().filter(id -> result.control(id).isPresent()).count();
            assertThat(f.passed() + f.failed() + f.notApplicable() + f.external()).isEqualTo((int) known);
            if (f.passed() + f.failed() == 0) assertThat(f.score()).isNull();
            else assertThat(f.score()).isBetween(0.0, 100.0);
        }
    }
}
