package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rule.Rule;

import java.util.List;

import static dev.kubeward.engine.rbac.rules.Probe.can;

/**
 * Kubescape's RBAC rules, re-expressed as questions to the permission engine. Where Kubescape matches rule text
 * literally, these ask what the Kubernetes authorizer would allow: {@code pods/*} is no wildcard,
 * {@code * /exec} is; a RoleBinding never grants cluster-scoped resources (docs/conformance/rbac.md lists the
 * cases where this changes the answer).
 */
public final class KubescapeRbacRules {

    static final String RBAC = "rbac.authorization.k8s.io";
    private static final List<String> DELETE = List.of("delete", "deletecollection");

    private KubescapeRbacRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SubjectRule("exec-into-container-v1", "can exec into containers",
                        can(List.of("create"), "", "pods/exec")),
                new SubjectRule("rule-excessive-delete-rights-v1", "can delete important resources", GrantMatcher.anyOf(
                        can(DELETE, "", "secrets", "pods", "services"),
                        can(DELETE, "apps", "deployments", "replicasets", "daemonsets", "statefulsets"),
                        can(DELETE, "batch", "jobs", "cronjobs"))),
                new SubjectRule("rule-access-dashboard-subject-v1", "is bound to the kubernetes-dashboard role",
                        GrantMatcher.where(g -> g.role().name().equals("kubernetes-dashboard")
                                && !g.subject().name().equals("kubernetes-dashboard"))),
                new DashboardServiceAccountRule(),
                new SubjectRule("rule-can-list-get-secrets-v1", "can read secrets",
                        can(List.of("get", "list", "watch"), "", "secrets")),
                new SubjectRule("rule-can-delete-k8s-events-v1", "can delete events",
                        GrantMatcher.anyOf(can(DELETE, "", "events"), can(DELETE, "events.k8s.io", "events"))),
                new SubjectRule("rule-list-all-cluster-admins-v1", "has every verb on every resource (cluster-admin-like)",
                        GrantMatcher.where(g -> g.rule().isWildcardAdmin())),
                new SubjectRule("rule-can-update-configmap-v1", "can modify the coredns ConfigMap",
                        can(List.of("update", "patch"), "", "configmaps").in("kube-system").named("coredns")),
                new ServiceAccountPermissionsRule(),
                new SubjectRule("rule-can-portforward-v1", "can port-forward to pods",
                        can(List.of("create", "get"), "", "pods/portforward")),
                new SubjectRule("rule-can-impersonate-users-groups-v1", "can impersonate users, groups or service accounts",
                        can(List.of("impersonate"), "", "users", "groups", "serviceaccounts", "uids")),
                new SubjectRule("cluster-admin-role", "is bound to cluster-admin cluster-wide",
                        GrantMatcher.where(g -> g.clusterWide() && g.role().clusterRole()
                                && g.role().name().equals("cluster-admin") && g.rule().isWildcardAdmin())),
                new SubjectRule("rule-can-create-pod", "can create pods", can(List.of("create"), "", "pods")),
                new SubjectRule("rule-can-bind-escalate", "can bind or escalate roles", GrantMatcher.anyOf(
                        can(List.of("bind", "escalate"), RBAC, "roles", "clusterroles"))),
                new AnonymousAccessRule(),
                new SubjectRule("system-authenticated-allowed-to-take-over-cluster",
                        "(every authenticated identity) has permissions on workloads, nodes or secrets",
                        GrantMatcher.anyOf(
                                Probe.anyVerb("", "pods", "pods/exec", "pods/attach", "pods/portforward", "nodes", "secrets"),
                                Probe.anyVerb("apps", "deployments", "statefulsets", "daemonsets"),
                                Probe.anyVerb("batch", "jobs", "cronjobs"))
                                .also(g -> g.subject().equals(Subject.group(Subject.AUTHENTICATED)))),
                new WorkloadRoleRule("workload-with-cluster-takeover-roles", "can create or modify pods or read secrets",
                        takeover()),
                new WorkloadRoleRule("workload-with-administrative-roles", "has every verb on every resource",
                        GrantMatcher.where(g -> g.rule().isWildcardAdmin())),
                new SubjectRule("rule-can-create-pv", "can create persistent volumes",
                        can(List.of("create"), "", "persistentvolumes")),
                new SubjectRule("rule-can-access-proxy-subresource", "can proxy to kubelets (nodes/proxy)",
                        can(List.of("get", "create"), "", "nodes/proxy")),
                new SubjectRule("rule-can-approve-cert-signing-request", "can approve certificate signing requests",
                        can(List.of("update", "patch"), "certificates.k8s.io", "certificatesigningrequests/approval")),
                new SubjectRule("rule-can-modify-admission-webhooks", "can modify admission webhooks",
                        can(List.of("create", "update", "patch", "delete"), "admissionregistration.k8s.io",
                                "validatingwebhookconfigurations", "mutatingwebhookconfigurations")),
                new SubjectRule("rule-can-create-service-account-token", "can create service account tokens",
                        can(List.of("create"), "", "serviceaccounts/token")));
    }

    private static GrantMatcher takeover() {
        return GrantMatcher.anyOf(can(List.of("create", "update", "patch"), "", "pods"),
                can(List.of("get", "list", "watch"), "", "secrets"));
    }
}
