package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * C-0302: a Gateway API route whose Service backendRef names a Service missing from the referenced
 * namespace. Backends of other kinds (custom resources) cannot be resolved offline and are skipped.
 */
final class DanglingGatewayBackend implements ResourceRule {

    @Override
    public String name() {
        return "dangling-gateway-backend";
    }

    @Override
    public Set<String> kinds() {
        return Backends.ROUTE_KINDS;
    }

    @Override
    public List<Violation> check(KubeObject route, RuleContext ctx) {
        List<String> missing = new ArrayList<>();
        Violation.Builder v = Violation.on(route);
        for (Backends.ServiceRef ref : Backends.ofRoute(route)) {
            if (Backends.find(ctx.index(), ref).isEmpty()) {
                v.failed(ref.path());
                missing.add(ref.namespace() + "/" + ref.name());
            }
        }
        return v.message("backendRef Service does not exist: " + String.join(", ", missing.stream().distinct().toList())).buildIfAny();
    }
}
