package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0225 / C-0239: RoleBindings and ClusterRoleBindings that grant a role to a namespace's {@code default}
 * ServiceAccount, which every pod naming no account runs as. Kubernetes' own bootstrap bindings
 * ({@code kubernetes.io/bootstrapping: rbac-defaults}) are the expected ones. The account may be named as a
 * ServiceAccount subject or by its user name {@code system:serviceaccount:<namespace>:default}.
 */
final class DefaultServiceAccountBindings implements ResourceRule {

    private static final String USER_PREFIX = "system:serviceaccount:";

    @Override
    public String name() {
        return "ensure-default-service-accounts-has-only-default-roles";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("RoleBinding", "ClusterRoleBinding");
    }

    @Override
    public List<Violation> check(KubeObject binding, RuleContext ctx) {
        if ("rbac-defaults".equals(binding.labels().path("kubernetes.io/bootstrapping").asText(null))) return List.of();
        Finding finding = new Finding(binding);
        JsonNode subjects = binding.json().path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            String namespace = defaultAccountNamespace(subjects.get(i), binding);
            if (namespace == null) continue;
            finding.failed("subjects[" + i + "]").delete("subjects[" + i + "]")
                    .related(new ObjectRef("v1", "ServiceAccount", namespace, "default"))
                    .note(binding.kind() + " " + binding.name() + " grants " + binding.json().path("roleRef").path("name").asText()
                            + " to the default service account of namespace " + namespace);
        }
        return finding.result();
    }

    /** The namespace whose {@code default} ServiceAccount this subject names, or null. */
    private static String defaultAccountNamespace(JsonNode subject, KubeObject binding) {
        String kind = subject.path("kind").asText();
        String name = subject.path("name").asText();
        if (kind.equals("ServiceAccount") && name.equals("default")) {
            String ns = subject.path("namespace").asText("");
            if (!ns.isEmpty()) return ns;
            return binding.namespace() == null ? "default" : binding.namespace();
        }
        if (kind.equals("User") && name.startsWith(USER_PREFIX) && name.endsWith(":default")) {
            String ns = name.substring(USER_PREFIX.length(), name.length() - ":default".length());
            return ns.isEmpty() || ns.contains(":") ? null : ns;
        }
        return null;
    }
}
