package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0266: a workload behind a Gateway API route (HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute) whose
 * backend Service selects its pods. Cross-namespace backends count only when a ReferenceGrant allows them.
 * NodePort and LoadBalancer Services are left to C-0256 so one exposure is reported once.
 */
final class ExposedViaGatewayApi extends WorkloadRule {

    @Override
    public String name() {
        return "exposure-to-internet-via-gateway-api";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        PodSelection selection = PodSelection.of(ctx.index());
        PodSelection.Pods pods = selection.pods(template);
        List<KubeObject> services = selection.servicesSelecting(pods).stream()
                .filter(s -> !Exposure.isExternal(s))
                .toList();
        if (services.isEmpty()) return List.of();
        Violation.Builder v = Violation.on(template.owner());
        List<String> routes = new ArrayList<>();
        for (String kind : Backends.ROUTE_KINDS) {
            for (KubeObject route : ctx.index().ofKind(kind)) {
                for (Backends.ServiceRef ref : Backends.ofRoute(route)) {
                    if (!ref.namespace().equals(pods.namespace()) || !Backends.permitted(ctx.index(), route, ref)) continue;
                    services.stream().filter(s -> s.name().equals(ref.name())).findFirst().ifPresent(s -> {
                        routes.add(route.kind() + " " + route.name());
                        v.related(route).related(s);
                    });
                }
            }
        }
        if (routes.isEmpty()) return List.of();
        return List.of(v.message("workload is exposed through " + String.join(", ", routes.stream().distinct().toList())).build());
    }
}
