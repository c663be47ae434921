package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0021: a workload known for an unauthenticated interface (its name contains one of the
 * {@code sensitiveInterfaces} input, e.g. argo-server, jupyterhub) behind a NodePort Service, or behind a
 * LoadBalancer Service that the cloud has given an address to.
 */
final class ExposedSensitiveInterface extends WorkloadRule {

    @Override
    public String name() {
        return "exposed-sensitive-interfaces-v1";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        String name = template.owner().name();
        if (name == null || ctx.inputs().list("sensitiveInterfaces").stream().noneMatch(name::contains)) return List.of();
        PodSelection selection = PodSelection.of(ctx.index());
        Violation.Builder v = Violation.on(template.owner());
        List<String> through = new ArrayList<>();
        for (KubeObject s : selection.servicesSelecting(selection.pods(template))) {
            String type = s.spec().path("type").asText();
            boolean open = "NodePort".equals(type) || "LoadBalancer".equals(type) && Exposure.hasLoadBalancerAddress(s);
            if (open) {
                through.add(type + " Service " + s.name());
                v.related(s);
            }
        }
        if (through.isEmpty()) return List.of();
        return List.of(v.message("sensitive interface " + name + " is exposed through " + String.join(", ", through))
                .failed(template.metadataPath() + ".labels").build());
    }
}
