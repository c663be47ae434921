package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.conformance.ConformanceCase;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance runner compares which objects fail; this test holds our rules to Kubescape's failed and fix
 * paths too, case by case, so a fix suggestion never points at a different field than Kubescape's.
 */
class KubescapePathsTest {

    /** Cases whose objects we judge differently on purpose (docs/conformance/workload.md). */
    private static final Set<String> KNOWN_DISAGREEMENTS = Set.of("resources-secret-in-default-namespace/configmap");

    @Test
    void failedAndFixPathsMatchKubescapeCases() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Rule> rules = WorkloadRules.all().stream().collect(Collectors.toMap(Rule::name, Function.identity()));
        Path corpus = Path.of(getClass().getResource("/conformance/regolibrary-cases.jsonl").toURI());
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String line : Files.readAllLines(corpus)) {
            JsonNode c = json.readTree(line);
            if (!(rules.get(c.path("rule").asText()) instanceof ResourceRule rule) || KNOWN_DISAGREEMENTS.contains(c.path("id").asText())) {
                continue;
            }
            List<KubeObject> objects = new ArrayList<>();
            c.path("resources").forEach(r -> objects.add(KubeObject.of(r)));
            // the case's cloud decides which credential paths count (C-0020 on EKS, AKS, GKE)
            SnapshotIndex index = new SnapshotIndex(new Snapshot(ConformanceCase.parse(c).cluster(), objects));
            ControlInputs inputs = c.path("controlInputs").isObject()
                    ? ControlInputs.defaults().with(c.path("controlInputs")) : ControlInputs.defaults();
            Set<String> failed = new TreeSet<>();
            Set<String> fix = new TreeSet<>();
            for (String kind : rule.kinds()) {
                for (KubeObject o : index.ofKind(kind)) {
                    if (index.judgedThroughOwner(o)) continue;
                    for (Violation v : rule.check(o, new RuleContext(index, inputs))) {
                        failed.addAll(v.failedPaths());
                        v.fixPaths().forEach(f -> fix.add(f.path() + "=" + f.value()));
                    }
                }
            }
            Set<String> expectedFailed = new TreeSet<>();
            Set<String> expectedFix = new TreeSet<>();
            c.path("failedPaths").forEach(p -> expectedFailed.add(p.asText()));
            c.path("fixPaths").forEach(p -> expectedFix.add(p.path("path").asText() + "=" + p.path("value").asText()));
            compared++;
            if (!failed.equals(expectedFailed) || !fix.equals(expectedFix)) {
                mismatches.add(c.path("id").asText() + ": failed " + failed + " fix " + fix);
            }
        }
        assertThat(compared).as("workload cases compared: all but the known disagreement").isEqualTo(100);
        assertThat(mismatches).isEmpty();
    }
}
