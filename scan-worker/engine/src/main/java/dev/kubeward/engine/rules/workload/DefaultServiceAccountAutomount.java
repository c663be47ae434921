package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0189 / C-0225: a namespace's {@code default} ServiceAccount should not hand its token to every pod that names
 * no account; it should set {@code automountServiceAccountToken: false} (unset means true).
 */
final class DefaultServiceAccountAutomount implements ResourceRule {

    @Override
    public String name() {
        return "automount-default-service-account";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ServiceAccount");
    }

    @Override
    public List<Violation> check(KubeObject account, RuleContext ctx) {
        if (!"default".equals(account.name())) return List.of();
        JsonNode automount = account.json().path("automountServiceAccountToken");
        Finding finding = new Finding(account);
        if (!automount.isBoolean()) {
            finding.fix("automountServiceAccountToken", "false")
                    .note("The default service account mounts its token in pods by default");
        } else if (automount.booleanValue()) {
            finding.failed("automountServiceAccountToken").delete("automountServiceAccountToken")
                    .note("The default service account mounts its token in pods");
        }
        return finding.result();
    }
}
