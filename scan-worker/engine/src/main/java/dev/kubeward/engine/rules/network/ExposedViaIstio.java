package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C-0266: a workload behind an Istio VirtualService bound to a Gateway whose pods a NodePort or
 * LoadBalancer Service exposes, when the route's destination Service selects the workload's pods.
 */
final class ExposedViaIstio extends WorkloadRule {

    @Override
    public String name() {
        return "exposure-to-internet-via-istio-ingress";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        PodSelection selection = PodSelection.of(ctx.index());
        PodSelection.Pods pods = selection.pods(template);
        List<KubeObject> services = selection.servicesSelecting(pods);
        if (services.isEmpty()) return List.of();
        Violation.Builder v = Violation.on(template.owner());
        List<String> through = new ArrayList<>();
        for (KubeObject vs : ctx.index().ofKind("VirtualService")) {
            if (!IstioRoutes.isIstio(vs)) continue;
            List<KubeObject> targets = new ArrayList<>();
            for (IstioRoutes.Destination d : IstioRoutes.destinations(vs)) {
                if (!d.namespace().equals(pods.namespace())) continue;
                services.stream().filter(s -> s.name().equals(d.name())).findFirst().ifPresent(targets::add);
            }
            if (targets.isEmpty()) continue;
            for (KubeObject gateway : IstioRoutes.gateways(ctx.index(), vs)) {
                Optional<KubeObject> front = IstioRoutes.publicService(ctx.index(), gateway);
                if (front.isEmpty()) continue;
                through.add("VirtualService " + vs.name() + " on Gateway " + gateway.name());
                v.related(vs).related(gateway).related(front.get());
                targets.forEach(v::related);
            }
        }
        if (through.isEmpty()) return List.of();
        return List.of(v.message("workload is exposed through " + String.join(", ", through.stream().distinct().toList())).build());
    }
}
