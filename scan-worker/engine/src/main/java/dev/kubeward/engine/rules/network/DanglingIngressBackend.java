package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** C-0298: an Ingress that routes to a Service missing from its namespace answers those paths with errors. */
final class DanglingIngressBackend implements ResourceRule {

    @Override
    public String name() {
        return "dangling-ingress-backend";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Ingress");
    }

    @Override
    public List<Violation> check(KubeObject ingress, RuleContext ctx) {
        List<String> missing = new ArrayList<>();
        Violation.Builder v = Violation.on(ingress);
        for (Backends.ServiceRef ref : Backends.ofIngress(ingress)) {
            if (Backends.find(ctx.index(), ref).isEmpty()) {
                v.failed(ref.path());
                missing.add(ref.namespace() + "/" + ref.name());
            }
        }
        return v.message("backend Service does not exist: " + String.join(", ", missing.stream().distinct().toList())).buildIfAny();
    }
}
