package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0256: a workload reachable from outside the cluster, through a NodePort or LoadBalancer Service whose
 * ports land on its pods, or through an Ingress routing to a Service that selects its pods.
 */
final class ExposedToInternet extends WorkloadRule {

    @Override
    public String name() {
        return "exposure-to-internet";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        PodSelection selection = PodSelection.of(ctx.index());
        PodSelection.Pods pods = selection.pods(template);
        List<KubeObject> services = selection.servicesSelecting(pods).stream()
                .filter(s -> Exposure.reachesPods(s, template))
                .toList();
        Violation.Builder v = Violation.on(template.owner());
        List<String> how = new ArrayList<>();
        for (KubeObject s : services) {
            if (Exposure.isExternal(s)) {
                how.add(s.spec().path("type").asText() + " Service " + s.name());
                v.related(s);
            }
        }
        for (KubeObject ingress : ctx.index().ofKindInNamespace("Ingress", pods.namespace())) {
            for (Backends.ServiceRef ref : Backends.ofIngress(ingress)) {
                services.stream().filter(s -> s.name().equals(ref.name())).findFirst().ifPresent(s -> {
                    how.add("Ingress " + ingress.name() + " (Service " + s.name() + ")");
                    v.related(ingress).related(s);
                });
            }
        }
        if (how.isEmpty()) return List.of();
        return List.of(v.message("workload is exposed through " + String.join(", ", how.stream().distinct().toList())).build());
    }
}
