package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * C-0292: controllers running the community ingress-nginx controller, which reaches end of life in March 2026.
 * NB: NGINX Inc's own controller ({@code nginx/nginx-ingress}) has its own support lifecycle and is not matched.
 */
final class NginxIngressEolRule extends PodTemplateRule {

    private static final List<String> COMMUNITY_IMAGES =
            List.of("ingress-nginx/controller", "k8s.gcr.io/ingress-nginx", "registry.k8s.io/ingress-nginx");

    @Override
    public String name() {
        return "detect-nginx-ingress-controller-eol";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Deployment", "DaemonSet", "StatefulSet");
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        Violation.Builder v = Violation.on(template.owner());
        List<String> images = new ArrayList<>();
        for (PodTemplate.Container c : template.containers()) {
            if (COMMUNITY_IMAGES.stream().anyMatch(c.image()::contains)) {
                v.failed(c.path() + ".image");
                images.add(c.image());
            }
        }
        return v.message("runs the community ingress-nginx controller (" + String.join(", ", images)
                + "), which reaches end of life in March 2026 with no security fixes after that").buildIfAny();
    }
}
