package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Optional;

/**
 * C-0261: pods that get a token for a service account that some RoleBinding or ClusterRoleBinding grants
 * permissions to. Kubernetes mounts the token unless the pod says {@code automountServiceAccountToken: false},
 * or the pod says nothing and the service account says false (the pod's setting wins).
 * An account with no binding at all holds no permissions worth stealing, so it is not reported.
 */
final class ServiceAccountTokenMountRule extends PodTemplateRule {

    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public String name() {
        return "serviceaccount-token-mount";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        JsonNode podSetting = template.podSpec().path("automountServiceAccountToken");
        if (podSetting.isBoolean() && !podSetting.asBoolean()) return List.of();

        String account = template.serviceAccountName();
        String namespace = namespaceOf(template.owner());
        Optional<KubeObject> serviceAccount = ctx.index().ofKindInNamespace("ServiceAccount", template.namespace()).stream()
                .filter(sa -> account.equals(sa.name()))
                .findFirst();
        // NB: every namespace has a "default" account even when the snapshot (a set of manifests) lacks it
        if (serviceAccount.isEmpty() && !account.equals("default")) return List.of();
        if (!isBound(account, namespace, ctx.index())) return List.of();

        String path = template.specPath() + ".automountServiceAccountToken";
        Violation.Builder v = Violation.on(template.owner());
        serviceAccount.ifPresent(v::related);
        if (podSetting.isBoolean()) {
            return v.failed(path)
                    .message("mounts the token of service account " + account + ", which has role bindings, "
                            + "with automountServiceAccountToken: true")
                    .buildIfAny();
        }
        JsonNode accountSetting = serviceAccount.map(sa -> sa.json().path("automountServiceAccountToken"))
                .orElse(MissingNode.getInstance());
        if (accountSetting.isBoolean() && !accountSetting.asBoolean()) return List.of();
        return v.fix(path, "false")
                .message("mounts the token of service account " + account + ", which has role bindings, by default")
                .buildIfAny();
    }

    /**
     * Whether a RoleBinding or ClusterRoleBinding names this service account, directly or through a group every
     * service account belongs to ({@code system:serviceaccounts}, {@code system:serviceaccounts:<ns>},
     * {@code system:authenticated}). A RoleBinding subject without namespace means the binding's namespace.
     */
    static boolean isBound(String account, String namespace, SnapshotIndex index) {
        BoundSubjects bound = index.memo(BoundSubjects.class, BoundSubjects::of);
        return bound.allServiceAccounts
                || bound.serviceAccountNamespaces.contains(namespace)
                || bound.serviceAccounts.contains(namespace + "/" + account);
    }

    /** Every service account subject of every binding, read once per snapshot. */
    private record BoundSubjects(boolean allServiceAccounts, java.util.Set<String> serviceAccountNamespaces, java.util.Set<String> serviceAccounts) {

        static BoundSubjects of(SnapshotIndex index) {
            boolean all = false;
            java.util.Set<String> namespaces = new java.util.HashSet<>();
            java.util.Set<String> accounts = new java.util.HashSet<>();
            for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
                for (KubeObject binding : index.ofKind(kind)) {
                    String bindingNamespace = kind.equals("RoleBinding") ? namespaceOf(binding) : "";
                    for (JsonNode subject : binding.json().path("subjects")) {
                        String name = subject.path("name").asText("");
                        switch (subject.path("kind").asText("")) {
                            case "ServiceAccount" -> {
                                String ns = subject.path("namespace").asText("");
                                accounts.add((ns.isEmpty() ? bindingNamespace : ns) + "/" + name);
                            }
                            case "Group" -> {
                                if (name.equals("system:authenticated") || name.equals("system:serviceaccounts")) all = true;
                                else if (name.startsWith("system:serviceaccounts:")) namespaces.add(name.substring("system:serviceaccounts:".length()));
                            }
                            default -> { }
                        }
                    }
                }
            }
            return new BoundSubjects(all, namespaces, accounts);
        }
    }

    private static String namespaceOf(KubeObject o) {
        return o.namespace() == null || o.namespace().isEmpty() ? DEFAULT_NAMESPACE : o.namespace();
    }
}
