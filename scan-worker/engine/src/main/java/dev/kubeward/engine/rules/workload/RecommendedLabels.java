package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0076 ({@code recommendedLabels}) and C-0077 ({@code k8sRecommendedLabels}): a workload and the pods it creates
 * carry at least one of the recommended labels. Each metadata lacking one gets a fix path for the first label of
 * the list.
 */
final class RecommendedLabels extends PodSpecRule {

    private final String input;

    RecommendedLabels(String name, String input) {
        super(name);
        this.input = input;
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<String> recommended = ctx.inputs().list(input);
        String key = recommended.isEmpty() ? "YOUR_LABEL" : recommended.get(0);
        String lacking = recommended.isEmpty() ? "has no recommended label" : "has none of the labels " + String.join(", ", recommended);
        KubeObject owner = pod.owner();
        if (!owner.kind().equals("Pod") && lacks(owner.labels(), recommended)) {
            finding.fix("metadata.labels[" + key + "]", "YOUR_VALUE")
                    .note(owner.kind() + " " + owner.name() + " " + lacking);
        }
        if (lacks(pod.podLabels(), recommended)) {
            finding.fix(pod.metadataPath() + ".labels[" + key + "]", "YOUR_VALUE")
                    .note((owner.kind().equals("Pod") ? describe(pod) : "The pod template of " + describe(pod)) + " " + lacking);
        }
    }

    private static boolean lacks(JsonNode labels, List<String> recommended) {
        return recommended.stream().noneMatch(labels::has);
    }
}
