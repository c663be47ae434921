package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0253: Kubernetes components in {@code kube-system} still pulled from the frozen {@code k8s.gcr.io} registry,
 * which no longer receives images; {@code registry.k8s.io} serves the same paths.
 */
final class OldKubernetesRegistryRule extends PodTemplateRule {

    private static final String OLD = "k8s.gcr.io/";
    private static final String NEW = "registry.k8s.io/";

    @Override
    public String name() {
        return "rule-identify-old-k8s-registry";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        if (!"kube-system".equals(template.namespace())) return List.of();
        Violation.Builder v = Violation.on(template.owner());
        List<String> images = new ArrayList<>();
        for (PodTemplate.Container c : template.allContainers()) {
            if (c.image().startsWith(OLD)) {
                v.failed(c.path() + ".image").fix(c.path() + ".image", NEW + c.image().substring(OLD.length()));
                images.add(c.image());
            }
        }
        return v.message("images pulled from the deprecated k8s.gcr.io registry: " + String.join(", ", images)
                + "; use registry.k8s.io").buildIfAny();
    }
}
