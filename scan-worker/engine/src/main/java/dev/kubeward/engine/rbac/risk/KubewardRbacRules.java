package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rbac.rules.GrantMatcher;
import dev.kubeward.engine.rbac.rules.WorkloadRoleRule;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.Violation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static dev.kubeward.engine.rbac.rules.Probe.can;

/**
 * Kubeward's RBAC risk (R01–R35) and hygiene (H1–H6) rules of design/RBAC.md, one declarative entry each.
 * Permission risks are reported per subject and count only the user's own bindings; binding hygiene is
 * reported on the binding. Control metadata: resources/kubeward/controls-rbac.json.
 */
public final class KubewardRbacRules {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String CERTS = "certificates.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";
    private static final List<String> WRITE = List.of("create", "update", "patch");
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> DELETE = List.of("delete", "deletecollection");
    private static final Set<String> BROAD_GROUPS = Set.of(Subject.AUTHENTICATED, Subject.UNAUTHENTICATED, Subject.SERVICE_ACCOUNTS);
    private static final Set<String> ANONYMOUS_BASELINE = Set.of("system:public-info-viewer", "kubeadm:bootstrap-signer-clusterinfo");
    private static final List<String> CLOUD_IAM = List.of("eks.amazonaws.com/role-arn", "iam.gke.io/gcp-service-account",
            "azure.workload.identity/client-id");

    static final GrantMatcher R01 = GrantMatcher.where(g -> g.clusterWide() && g.rule().isWildcardAdmin());
    static final GrantMatcher R02 = GrantMatcher.where(g -> !g.clusterWide() && g.rule().isWildcardAdmin());
    static final GrantMatcher R04 = GrantMatcher.where(g -> g.rule().verbs().contains("*")).also(GrantMatcher.anyOf(
            can(List.of("*"), "", "secrets", "pods", "serviceaccounts", "users", "groups", "nodes"),
            can(List.of("*"), "apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
            can(List.of("*"), "batch", "jobs", "cronjobs"),
            can(List.of("*"), RBAC, "roles", "clusterroles", "rolebindings", "clusterrolebindings")));
    static final GrantMatcher R05 = GrantMatcher.where(g -> g.rule().resources().contains("*") && g.rule().resourceNames().isEmpty()
            && List.of("get", "list", "create", "delete", "impersonate").stream().anyMatch(g.rule()::verbMatches));
    static final GrantMatcher R06 = can(List.of("escalate"), RBAC, "roles", "clusterroles");
    static final GrantMatcher R07_BIND = GrantMatcher.anyOf(can(List.of("bind"), RBAC, "roles", "clusterroles"),
            can(List.of("bind"), RBAC, "clusterroles").named("cluster-admin"), can(List.of("bind"), RBAC, "clusterroles").named("admin"));
    static final GrantMatcher R07_WRITE = can(List.of("create", "update", "patch"), RBAC, "rolebindings", "clusterrolebindings");
    static final GrantMatcher R09 = GrantMatcher.anyOf(can(List.of("impersonate"), "", "users", "groups", "serviceaccounts", "uids"),
            can(List.of("impersonate"), "authentication.k8s.io", "userextras"));
    static final GrantMatcher R10 = can(READ, "", "secrets");
    static final GrantMatcher R11 = can(WRITE, "", "secrets");
    static final GrantMatcher R12 = can(List.of("create"), "", "serviceaccounts/token");
    static final GrantMatcher R15 = can(List.of("create"), "", "pods");
    static final GrantMatcher R16 = GrantMatcher.anyOf(can(WRITE, "apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
            can(WRITE, "batch", "jobs", "cronjobs"), can(WRITE, "", "replicationcontrollers"));
    static final GrantMatcher R17 = can(List.of("update", "patch"), "", "pods").also(g -> g.rule().resourceNames().isEmpty());
    static final GrantMatcher R18 = can(List.of("create", "get"), "", "pods/exec", "pods/attach");
    static final GrantMatcher R19 = can(List.of("update", "patch"), "", "pods/ephemeralcontainers");
    static final GrantMatcher R20 = can(List.of("create", "get"), "", "pods/portforward");
    static final GrantMatcher R21 = can(List.of("get", "create"), "", "nodes/proxy");
    static final GrantMatcher R22 = can(List.of("create"), "", "persistentvolumes");
    static final GrantMatcher R24 = can(WRITE, ADMISSION, "validatingwebhookconfigurations", "mutatingwebhookconfigurations");
    static final GrantMatcher R13_CREATE = can(List.of("create"), CERTS, "certificatesigningrequests");
    static final GrantMatcher R13_APPROVE = can(List.of("update", "patch"), CERTS, "certificatesigningrequests/approval");
    static final GrantMatcher R13_SIGNER = can(List.of("approve"), CERTS, "signers");
    static final GrantMatcher R23_EVICT = GrantMatcher.anyOf(can(List.of("delete"), "", "pods"), can(List.of("create"), "", "pods/eviction"));
    static final GrantMatcher R23_NODES = can(List.of("update", "patch"), "", "nodes");

    /** Critical and high permission risks: what makes a ServiceAccount dangerous to run as (R34) or to share (R32). */
    static final GrantMatcher DANGEROUS = GrantMatcher.anyOf(R01, R02, R06, R07_BIND, R09, R10, R11, R12, R15, R16, R18, R21, R24,
            R13_APPROVE, R22);

    private KubewardRbacRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new OwnGrantRule("kw-rbac-r01-cluster-admin-equivalent", "has every verb on every resource cluster-wide", R01),
                new OwnGrantRule("kw-rbac-r02-namespace-wildcard-admin", "has every verb on every resource of a namespace", R02),
                new BindingRule("kw-rbac-r03-bound-to-cluster-admin", (b, idx, ctx) -> b.roleKind().equals("ClusterRole")
                        && b.roleName().equals("cluster-admin") && !b.subjects().isEmpty()
                        ? Optional.of(Violation.on(b.ref()).failed("roleRef.name").message(b.display() + " grants cluster-admin"
                        + (b.clusterWide() ? " cluster-wide" : " in namespace " + b.namespace()) + " to " + names(b)).build())
                        : Optional.empty()),
                new OwnGrantRule("kw-rbac-r04-wildcard-verb-on-sensitive-resource",
                        "has the * verb (bind, escalate, impersonate included) on a sensitive resource", R04),
                new OwnGrantRule("kw-rbac-r05-verb-on-all-resources", "has a powerful verb on every resource", R05),
                new OwnGrantRule("kw-rbac-r06-escalate", "can escalate roles beyond its own permissions", R06),
                new AllOfSubjectRule("kw-rbac-r07-bind", "can bind roles and write bindings", List.of(R07_BIND, R07_WRITE), List.of()),
                new AllOfSubjectRule("kw-rbac-r08-rbac-write", "can write roles or bindings (limited to its own rights)",
                        List.of(can(WRITE, RBAC, "roles", "clusterroles", "rolebindings", "clusterrolebindings")), List.of(R06, R07_BIND)),
                new OwnGrantRule("kw-rbac-r09-impersonate", "can impersonate users, groups or service accounts", R09),
                new OwnGrantRule("kw-rbac-r10-read-secrets", "can read secrets (list and watch return their contents)", R10),
                new OwnGrantRule("kw-rbac-r11-write-secrets", "can write secrets, including service account token secrets", R11),
                new OwnGrantRule("kw-rbac-r12-token-request", "can mint service account tokens", R12),
                new AllOfSubjectRule("kw-rbac-r13-csr-issuance", "can create, approve and sign certificate signing requests",
                        List.of(R13_CREATE, R13_APPROVE, R13_SIGNER), List.of()),
                new CloudIdentityRule("kw-rbac-r14-cloud-iam-service-account", CLOUD_IAM),
                new OwnGrantRule("kw-rbac-r15-create-pods", "can create pods", R15),
                new OwnGrantRule("kw-rbac-r16-write-workloads", "can create or modify workload controllers", R16),
                new OwnGrantRule("kw-rbac-r17-modify-pods", "can update any pod (image swap)", R17),
                new OwnGrantRule("kw-rbac-r18-exec-attach", "can exec into or attach to pods", R18),
                new OwnGrantRule("kw-rbac-r19-ephemeral-containers", "can add ephemeral containers to pods", R19),
                new OwnGrantRule("kw-rbac-r20-port-forward", "can port-forward to pods", R20),
                new OwnGrantRule("kw-rbac-r21-nodes-proxy", "can proxy to kubelets through nodes/proxy", R21),
                new OwnGrantRule("kw-rbac-r22-create-persistent-volumes", "can create persistent volumes", R22),
                new AllOfSubjectRule("kw-rbac-r23-steal-pods", "can evict pods and modify nodes", List.of(R23_EVICT, R23_NODES), List.of()),
                new OwnGrantRule("kw-rbac-r24-admission-webhooks", "can write admission webhook configurations", R24),
                new OwnGrantRule("kw-rbac-r25-policy-control", "can modify admission policies, CRDs or policy engines",
                        GrantMatcher.anyOf(can(List.of("create", "update", "patch", "delete"), ADMISSION, "validatingadmissionpolicies",
                                        "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"),
                                can(List.of("create", "update", "patch", "delete"), "apiextensions.k8s.io", "customresourcedefinitions"),
                                can(List.of("create", "update", "patch", "delete"), "kyverno.io", "clusterpolicies", "policies"),
                                can(List.of("create", "update", "patch", "delete"), "templates.gatekeeper.sh", "constrainttemplates"))),
                new OwnGrantRule("kw-rbac-r26-eks-aws-auth", "can modify the EKS aws-auth ConfigMap",
                        can(List.of("update", "patch"), "", "configmaps").in("kube-system").named("aws-auth")),
                new OwnGrantRule("kw-rbac-r27-namespace-relabel", "can relabel namespaces (Pod Security Admission labels)",
                        can(List.of("patch", "update"), "", "namespaces")),
                new OwnGrantRule("kw-rbac-r28-traffic-hijack", "can redirect service traffic (CVE-2020-8554)",
                        GrantMatcher.anyOf(can(List.of("update", "patch"), "", "services/status"), can(WRITE, "", "endpoints"),
                                can(WRITE, "discovery.k8s.io", "endpointslices"))),
                new OwnGrantRule("kw-rbac-r29-status-tampering", "can modify pod or node status",
                        can(List.of("update", "patch"), "", "pods/status", "nodes/status")),
                new OwnGrantRule("kw-rbac-r30-delete", "can delete secrets, pods, workloads or events",
                        GrantMatcher.anyOf(can(DELETE, "", "secrets", "pods", "events"), can(DELETE, "events.k8s.io", "events"),
                                can(DELETE, "apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
                                can(DELETE, "batch", "jobs", "cronjobs"))),
                new BindingRule("kw-rbac-r31-anonymous-access", (b, idx, ctx) -> ANONYMOUS_BASELINE.contains(b.roleName())
                        ? Optional.empty() : subjectsWhere(b, s -> s.name().equals(Subject.ANONYMOUS)
                        || (s.kind() == Subject.Kind.Group && s.name().equals(Subject.UNAUTHENTICATED)), "grants to unauthenticated callers")),
                new OwnGrantRule("kw-rbac-r32-broad-built-in-group", "(a group every identity or pod belongs to) holds a dangerous permission",
                        DANGEROUS.also(g -> g.subject().kind() == Subject.Kind.Group && (BROAD_GROUPS.contains(g.subject().name())
                                || g.subject().name().startsWith(Subject.SERVICE_ACCOUNTS + ":")))),
                new BindingRule("kw-rbac-r33-system-masters-subject", (b, idx, ctx) -> subjectsWhere(b,
                        s -> s.kind() == Subject.Kind.Group && s.name().equals(Subject.MASTERS), "names system:masters, which bypasses RBAC")),
                new WorkloadRoleRule("kw-rbac-r34-workload-runs-dangerous-sa", "holds a critical or high-risk permission",
                        ownDangerous()),
                new BindingRule("kw-rbac-r35-default-service-account-bound", (b, idx, ctx) -> subjectsWhere(b,
                        s -> s.kind() == Subject.Kind.ServiceAccount && s.name().equals("default"),
                        "grants to a default ServiceAccount, which every pod without its own account inherits")),
                new BindingRule("kw-rbac-h1-binding-to-missing-role", (b, idx, ctx) -> b.role() == null
                        ? Optional.of(Violation.on(b.ref()).failed("roleRef.name").message(b.display() + " refers to " + b.roleKind()
                        + " " + b.roleName() + ", which does not exist: whoever creates it activates the grant").build())
                        : Optional.empty()),
                new BindingRule("kw-rbac-h2-binding-to-missing-service-account", (b, idx, ctx) -> subjectsWhere(b,
                        s -> s.kind() == Subject.Kind.ServiceAccount && !s.name().equals("default")
                                && !ctx.index().ofKind("ServiceAccount").isEmpty()
                                && ctx.index().ofKindInNamespace("ServiceAccount", s.namespace()).stream().noneMatch(o -> s.name().equals(o.name())),
                        "grants to a ServiceAccount that does not exist: whoever creates it inherits the grant")),
                RoleRules.unusedRole(),
                new BindingRule("kw-rbac-h4-binding-without-subjects", (b, idx, ctx) -> b.declaredSubjects() == 0
                        ? Optional.of(Violation.on(b.ref()).failed("subjects").message(b.display() + " has no subjects").build())
                        : Optional.empty()),
                RoleRules.concentration(4, 5),
                new BindingRule("kw-rbac-h6-recent-grant", (b, idx, ctx) -> recent(b.object(), days(ctx.inputs().list("rbacRecentGrantDays")))
                        ? Optional.of(Violation.on(b.ref()).failed("metadata.creationTimestamp")
                        .message(b.display() + " was created recently; check whether it is a temporary grant to remove").build())
                        : Optional.empty()));
    }

    private static GrantMatcher ownDangerous() {
        return DANGEROUS.also(g -> !g.binding().builtIn());
    }

    private static String names(Binding b) {
        return String.join(", ", b.subjects().stream().map(Subject::display).toList());
    }

    private static Optional<Violation> subjectsWhere(Binding b, Predicate<Subject> p, String what) {
        Violation.Builder v = Violation.on(b.ref());
        List<Subject> hits = b.subjects().stream().filter(p).toList();
        if (hits.isEmpty()) return Optional.empty();
        hits.forEach(s -> v.failed(b.subjectPath(s)));
        return Optional.of(v.message(b.display() + " " + what + " ("
                + String.join(", ", hits.stream().map(Subject::display).toList()) + ")").build());
    }

    private static int days(List<String> input) {
        try {
            return input.isEmpty() ? 7 : Integer.parseInt(input.get(0).trim());
        } catch (NumberFormatException e) {
            return 7;
        }
    }

    private static boolean recent(KubeObject o, int days) {
        String created = o.metadata().path("creationTimestamp").asText("");
        if (created.isEmpty()) return false;
        try {
            return Duration.between(Instant.parse(created), Instant.now()).toDays() < days;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
