package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Optional;

/**
 * C-0034 / C-0190: pods that get an API token mounted. Kubernetes mounts it unless the pod spec says
 * {@code automountServiceAccountToken: false}, or leaves the field unset and its ServiceAccount says false — the
 * pod's own setting wins over the ServiceAccount's. A ServiceAccount we cannot see is taken at Kubernetes'
 * default (mount), since nothing shows it opts out.
 */
final class ServiceAccountTokenAutomount extends PodSpecRule {

    ServiceAccountTokenAutomount() {
        super("automount-service-account");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        JsonNode own = pod.podSpec().path("automountServiceAccountToken");
        String path = pod.specPath() + ".automountServiceAccountToken";
        if (own.isBoolean()) {
            if (own.booleanValue()) {
                finding.failed(path).fix(path, "false").note(describe(pod) + " mounts its service account token");
            }
            return;
        }
        Optional<KubeObject> account = serviceAccount(pod, ctx);
        boolean accountOptsOut = account.map(sa -> sa.json().path("automountServiceAccountToken"))
                .filter(JsonNode::isBoolean).map(v -> !v.booleanValue()).orElse(false);
        if (!accountOptsOut) {
            finding.fix(path, "false").note(describe(pod) + " mounts the token of service account "
                    + pod.serviceAccountName() + " by default");
        }
    }

    static Optional<KubeObject> serviceAccount(PodTemplate pod, RuleContext ctx) {
        return ctx.index().ofKindInNamespace("ServiceAccount", pod.namespace()).stream()
                .filter(sa -> pod.serviceAccountName().equals(sa.name()))
                .findFirst();
    }
}
