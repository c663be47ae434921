package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.LabelSelector;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;
import java.util.Set;

/**
 * C-0296: a controller whose selector does not select the pods its own template creates, so it never sees
 * them (the API server refuses this for apps/v1 kinds, but manifests and older objects carry it).
 * An absent or empty selector is not judged: Kubernetes defaults it from the template labels where it may.
 */
final class MismatchingSelectorRule extends PodTemplateRule {

    @Override
    public String name() {
        return "mismatching-selector";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob", "ReplicationController");
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        KubeObject owner = template.owner();
        String selectorPath = owner.kind().equals("CronJob") ? "spec.jobTemplate.spec.selector" : "spec.selector";
        JsonNode labels = template.podLabels().isObject() ? template.podLabels() : JsonNodeFactory.instance.objectNode();
        JsonNode selector = owner.kind().equals("CronJob")
                ? owner.spec().path("jobTemplate").path("spec").path("selector")
                : owner.spec().path("selector");
        if (owner.kind().equals("ReplicationController")) {
            // a ReplicationController's selector is a plain label map
            if (!selector.isObject() || selector.isEmpty()) return List.of();
            ObjectNode asLabelSelector = JsonNodeFactory.instance.objectNode();
            asLabelSelector.set("matchLabels", selector);
            return judge(owner, asLabelSelector, labels, selectorPath, selectorPath);
        }
        if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) return List.of();
        return judge(owner, selector, labels, selectorPath + ".matchLabels", selectorPath + ".matchExpressions");
    }

    private List<Violation> judge(KubeObject owner, JsonNode selector, JsonNode labels, String labelsPath, String expressionsPath) {
        if (LabelSelector.selects(selector, labels)) return List.of();
        ObjectNode onlyLabels = JsonNodeFactory.instance.objectNode();
        onlyLabels.set("matchLabels", selector.path("matchLabels").isObject()
                ? selector.path("matchLabels") : JsonNodeFactory.instance.objectNode());
        String path = LabelSelector.selects(onlyLabels, labels) ? expressionsPath : labelsPath;
        return List.of(Violation.on(owner).failed(path)
                .message(owner.kind() + " " + owner.name() + " has a selector that does not match its pod template labels")
                .build());
    }
}
