package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0293: a Service whose selector matches no workload of its namespace routes to nothing. Services without
 * selector (endpoints managed by hand) and ExternalName services are not judged.
 */
final class ServiceWithNoWorkload implements ResourceRule {

    @Override
    public String name() {
        return "service-with-no-workload";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Service");
    }

    @Override
    public List<Violation> check(KubeObject service, RuleContext ctx) {
        if ("ExternalName".equals(service.spec().path("type").asText())) return List.of();
        if (service.spec().path("selector").isEmpty()) return List.of();
        if (!PodSelection.of(ctx.index()).workloadsSelectedBy(service).isEmpty()) return List.of();
        return List.of(Violation.on(service)
                .message("selector matches no workload in namespace " + PodSelection.namespaceOf(service))
                .failed("spec.selector")
                .build());
    }
}
