package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;
import java.util.Set;

/** C-0014: a workload other than the dashboard itself runs as the {@code kubernetes-dashboard} ServiceAccount. */
public final class DashboardServiceAccountRule implements ResourceRule {

    private static final String DASHBOARD = "kubernetes-dashboard";

    @Override
    public String name() {
        return "rule-access-dashboard-wl-v1";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Pod", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob");
    }

    @Override
    public List<Violation> check(KubeObject o, RuleContext ctx) {
        PodTemplate t = PodTemplate.of(o).orElse(null);
        if (t == null || o.name() == null || o.name().startsWith(DASHBOARD)) return List.of();
        String field = t.podSpec().path("serviceAccountName").isTextual() ? "serviceAccountName" : "serviceAccount";
        if (!DASHBOARD.equals(t.podSpec().path(field).asText(""))) return List.of();
        String path = t.specPath() + "." + field;
        return List.of(Violation.on(o).failed(path).delete(path)
                .message(o.kind() + " " + o.name() + " runs as the kubernetes-dashboard service account").build());
    }
}
