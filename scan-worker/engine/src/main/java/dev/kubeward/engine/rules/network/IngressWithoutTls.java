package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/** C-0263: an Ingress without {@code spec.tls} (or with an empty list) serves its hosts in clear text. */
final class IngressWithoutTls implements ResourceRule {

    @Override
    public String name() {
        return "ingress-no-tls";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Ingress");
    }

    @Override
    public List<Violation> check(KubeObject ingress, RuleContext ctx) {
        if (!ingress.spec().path("tls").isEmpty()) return List.of();
        return List.of(Violation.on(ingress)
                .message("Ingress " + ingress.name() + " has no TLS definition")
                .fix("spec.tls", "<your-tls-definition>")
                .build());
    }
}
