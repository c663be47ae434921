package dev.kubeward.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.ClusterInfo;

import java.util.ArrayList;
import java.util.List;

/** One Kubescape rule test case: input objects, the rule and controls it tests, the objects it expects to fail. */
public record ConformanceCase(String id, String rule, List<String> controls, List<JsonNode> resources,
                              List<ExpectedObject> expectedFailed, JsonNode controlInputs, List<String> caveats, String cloudProvider) {

    /** An object a case expects to fail; namespace {@code null} when the input named none. */
    public record ExpectedObject(String kind, String namespace, String name) {
    }

    public static ConformanceCase parse(JsonNode n) {
        List<String> controls = new ArrayList<>();
        n.path("controls").forEach(c -> controls.add(c.asText()));
        List<JsonNode> resources = new ArrayList<>();
        n.path("resources").forEach(resources::add);
        List<ExpectedObject> expected = new ArrayList<>();
        n.path("expectedFailed").forEach(e -> expected.add(new ExpectedObject(e.path("kind").asText(),
                e.path("namespace").isNull() || e.path("namespace").isMissingNode() ? null : e.path("namespace").asText(),
                e.path("name").asText())));
        List<String> caveats = new ArrayList<>();
        n.path("caveats").forEach(c -> caveats.add(c.isTextual() ? c.asText() : c.path("kind").asText(c.toString())));
        return new ConformanceCase(n.path("id").asText(), n.path("rule").asText(), controls, resources, expected,
                n.path("controlInputs"), caveats, n.path("dataControlInputs").path("cloudProvider").asText(""));
    }

    /** The cluster the case describes: its cloud provider, when the case names one ({@code dataControlInputs.cloudProvider}). */
    public ClusterInfo cluster() {
        for (ClusterInfo.Provider p : ClusterInfo.Provider.values()) {
            if (p.id().equalsIgnoreCase(cloudProvider)) return new ClusterInfo(p, null, 0);
        }
        return ClusterInfo.UNKNOWN;
    }

    /** Cases whose expectation only holds for the upstream runner's quirks may be skipped (README of the corpus). */
    public boolean reliesOnRunnerQuirk() {
        return caveats.stream().anyMatch(c -> c.contains("expectation-relies-on-unflattened-List"));
    }
}
