package dev.kubeward.api.rbac;

import dev.kubeward.engine.rbac.permission.PolicyRule;
import dev.kubeward.engine.rbac.permission.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The risk rules of design/RBAC.md §1 judged on one policy rule in one scope, for colouring and badges. The
 * findings themselves come from the engine's KW-RBAC controls; this catalogue only says which rule of a role
 * makes it dangerous. Matching goes through {@link PolicyRule#allows}, so wildcards, {@code * /exec} and
 * resourceNames follow the authorizer (a rule restricted to names never counts as "on every object").
 * Cluster-scoped risks (nodes/proxy, webhooks, PVs, escalate/bind on ClusterRoles, R01) only count cluster-wide:
 * a RoleBinding never reaches cluster-scoped resources.
 */
public final class RiskCatalogue {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final List<String> WRITE = List.of("create", "update", "patch");

    /** One risk rule: id as in RBAC.md, level, a short label for badges. */
    public record Risk(String id, RiskLevel level, String label) {
    }

    private record Entry(Risk risk, BiPredicate<PolicyRule, Boolean> applies) {
    }

    private record Key(PolicyRule rule, boolean clusterWide) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("R01", RiskLevel.CRITICAL, "cluster-admin equivalent", (r, c) -> c && r.isWildcardAdmin()),
            entry("R02", RiskLevel.HIGH, "namespace admin (wildcard)", (r, c) -> !c && r.isWildcardAdmin()),
            entry("R06", RiskLevel.CRITICAL, "escalate roles", can(List.of("escalate"), RBAC, "roles", "clusterroles")),
            entry("R07", RiskLevel.CRITICAL, "bind roles", can(List.of("bind"), RBAC, "roles", "clusterroles")),
            entry("R09", RiskLevel.CRITICAL, "impersonate", any(can(List.of("impersonate"), "", "users", "groups", "serviceaccounts", "uids"),
                    can(List.of("impersonate"), "authentication.k8s.io", "userextras"))),
            entry("R21", RiskLevel.CRITICAL, "nodes/proxy (kubelet exec)", cluster(can(List.of("get", "create"), "", "nodes/proxy"))),
            entry("R24", RiskLevel.CRITICAL, "write admission webhooks", cluster(can(WRITE, "admissionregistration.k8s.io",
                    "validatingwebhookconfigurations", "mutatingwebhookconfigurations"))),
            entry("R13", RiskLevel.HIGH, "approve CSRs", cluster(can(List.of("update", "patch"), "certificates.k8s.io",
                    "certificatesigningrequests/approval"))),
            entry("R10", RiskLevel.HIGH, "read secrets", can(List.of("get", "list", "watch"), "", "secrets")),
            entry("R11", RiskLevel.HIGH, "write secrets", can(WRITE, "", "secrets")),
            entry("R12", RiskLevel.HIGH, "mint SA tokens", can(List.of("create"), "", "serviceaccounts/token")),
            entry("R15", RiskLevel.HIGH, "create pods", can(List.of("create"), "", "pods")),
            entry("R16", RiskLevel.HIGH, "write workloads", any(can(WRITE, "apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
                    can(WRITE, "batch", "jobs", "cronjobs"), can(WRITE, "", "replicationcontrollers"))),
            entry("R18", RiskLevel.HIGH, "exec/attach", can(List.of("create", "get"), "", "pods/exec", "pods/attach")),
            entry("R19", RiskLevel.HIGH, "ephemeral containers", can(List.of("update", "patch"), "", "pods/ephemeralcontainers")),
            entry("R22", RiskLevel.HIGH, "create persistent volumes", cluster(can(List.of("create"), "", "persistentvolumes"))),
            entry("R04", RiskLevel.HIGH, "* verb on sensitive resource", (r, c) -> r.verbs().contains("*") && r.resourceNames().isEmpty()
                    && (can(List.of("*"), "", "secrets", "pods", "serviceaccounts", "nodes").test(r, c)
                    || can(List.of("*"), RBAC, "roles", "clusterroles", "rolebindings", "clusterrolebindings").test(r, c))),
            entry("R05", RiskLevel.HIGH, "verb on every resource", (r, c) -> r.resources().contains("*") && r.resourceNames().isEmpty()
                    && List.of("get", "list", "create", "delete").stream().anyMatch(r::verbMatches)),
            entry("R08", RiskLevel.MEDIUM, "write RBAC objects", can(WRITE, RBAC, "roles", "clusterroles", "rolebindings", "clusterrolebindings")),
            entry("R17", RiskLevel.MEDIUM, "modify pods", can(List.of("update", "patch"), "", "pods")),
            entry("R20", RiskLevel.MEDIUM, "port-forward", can(List.of("create", "get"), "", "pods/portforward")),
            entry("R27", RiskLevel.MEDIUM, "relabel namespaces", can(List.of("update", "patch"), "", "namespaces")),
            entry("R28", RiskLevel.MEDIUM, "redirect service traffic", any(can(List.of("update", "patch"), "", "services/status"),
                    can(WRITE, "", "endpoints"), can(WRITE, "discovery.k8s.io", "endpointslices"))),
            entry("R29", RiskLevel.LOW, "status tampering", can(List.of("update", "patch"), "", "pods/status", "nodes/status")),
            entry("R30", RiskLevel.LOW, "delete pods/secrets/workloads", any(can(List.of("delete", "deletecollection"), "", "secrets", "pods"),
                    can(List.of("delete", "deletecollection"), "apps", "deployments", "daemonsets", "statefulsets"))));

    // NB: roles repeat the same rules over and over (every namespace's copy of a Helm chart); judge each once.
    private final Map<Key, List<Risk>> memo = new ConcurrentHashMap<>();

    /** The risks of one rule granted cluster-wide (ClusterRoleBinding) or in one namespace (RoleBinding). */
    public List<Risk> risks(PolicyRule rule, boolean clusterWide) {
        return memo.computeIfAbsent(new Key(rule, clusterWide), k -> {
            List<Risk> out = new ArrayList<>(2);
            for (Entry e : ENTRIES) if (e.applies().test(rule, clusterWide)) out.add(e.risk());
            return List.copyOf(out);
        });
    }

    public RiskLevel level(PolicyRule rule, boolean clusterWide) {
        return highest(risks(rule, clusterWide));
    }

    public static RiskLevel highest(List<Risk> risks) {
        RiskLevel max = RiskLevel.NONE;
        for (Risk r : risks) max = RiskLevel.max(max, r.level());
        return max;
    }

    public static Risk byId(String id) {
        for (Entry e : ENTRIES) if (e.risk().id().equals(id)) return e.risk();
        return null;
    }

    private static Entry entry(String id, RiskLevel level, String label, BiPredicate<PolicyRule, Boolean> p) {
        return new Entry(new Risk(id, level, label), p);
    }

    private static BiPredicate<PolicyRule, Boolean> cluster(BiPredicate<PolicyRule, Boolean> p) {
        return (r, c) -> c && p.test(r, c);
    }

    @SafeVarargs
    private static BiPredicate<PolicyRule, Boolean> any(BiPredicate<PolicyRule, Boolean>... ps) {
        return (r, c) -> {
            for (BiPredicate<PolicyRule, Boolean> p : ps) if (p.test(r, c)) return true;
            return false;
        };
    }

    private static BiPredicate<PolicyRule, Boolean> can(List<String> verbs, String group, String... resources) {
        List<Request> requests = new ArrayList<>();
        for (String res : resources) for (String v : verbs) requests.add(Request.of(v, group, res, null, null));
        return (r, c) -> {
            for (Request q : requests) if (r.allows(q)) return true;
            return false;
        };
    }
}
