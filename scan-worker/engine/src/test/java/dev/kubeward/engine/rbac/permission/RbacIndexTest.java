package dev.kubeward.engine.rbac.permission;

import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.rbac.RbacFixtures.clusterRole;
import static dev.kubeward.engine.rbac.RbacFixtures.clusterRoleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.role;
import static dev.kubeward.engine.rbac.RbacFixtures.roleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ports TestAuthorizer (rbac_test.go), TestDefaultRuleResolver and TestAppliesTo (pkg/registry/rbac/validation/
 * rule_test.go) and TestSubjectLocator (subject_locator_test.go) of kubernetes/kubernetes.
 */
class RbacIndexTest {

    private static final String ALL = "[{verbs: ['*'], apiGroups: ['*'], resources: ['*'], nonResourceURLs: ['*']}]";

    private static RbacIndex index(String... docs) {
        return RbacIndex.build(snapshot(docs));
    }

    private static Request get(String resource, String ns) {
        return Request.of("get", "", resource, ns, "");
    }

    @Test
    void roleBindingToClusterRoleGrantsOnlyInItsNamespaceAndNeverClusterScoped() {
        RbacIndex idx = index(clusterRole("admin", ALL), roleBinding("ns1", "b", "ClusterRole", "admin", "User:admin", "Group:admins"));
        assertThat(idx.allows(Identity.user("admin"), get("Pods", "ns1"))).isTrue();
        assertThat(idx.allows(Identity.user("admin"), Request.of("watch", "", "Pods", "ns1", ""))).isTrue();
        assertThat(idx.allows(Identity.user("admin", "group1"), Request.of("watch", "", "Foobar", "ns1", ""))).isTrue();
        assertThat(idx.allows(Identity.user("joe", "admins"), Request.of("watch", "", "Foobar", "ns1", ""))).isTrue();
        assertThat(idx.allows(Identity.user("joe", "group1", "admins"), Request.of("watch", "", "Foobar", "ns1", ""))).isTrue();
        assertThat(idx.allows(Identity.user("admin"), Request.of("GET", "", "Pods", "ns2", ""))).isFalse();
        assertThat(idx.allows(Identity.user("admin"), get("Nodes", ""))).isFalse();
        assertThat(idx.allows(Identity.user("admin", "admins"), get("Pods", "ns2"))).isFalse();
        assertThat(idx.allows(Identity.user("admin", "admins"), get("Nodes", ""))).isFalse();
        assertThat(idx.allows(Identity.user("admin"), Request.nonResource("get", "/apis"))).as("no nonResourceURLs via RoleBinding").isFalse();
    }

    @Test
    void nonResourceURLsThroughClusterRoleBindings() {
        RbacIndex idx = index(
                clusterRole("non-resource-url-getter", "[{verbs: [get], nonResourceURLs: ['/apis']}]"),
                clusterRole("non-resource-url", "[{verbs: ['*'], nonResourceURLs: ['/apis']}]"),
                clusterRole("non-resource-url-prefix", "[{verbs: [get], nonResourceURLs: ['/apis/*']}]"),
                clusterRoleBinding("b1", "non-resource-url-getter", "User:foo", "Group:bar"),
                clusterRoleBinding("b2", "non-resource-url", "User:admin", "Group:admin"),
                clusterRoleBinding("b3", "non-resource-url-prefix", "User:prefixed", "Group:prefixed"));
        assertThat(idx.allows(Identity.user("foo"), Request.nonResource("get", "/apis"))).isTrue();
        assertThat(idx.allows(Identity.user("", "bar"), Request.nonResource("get", "/apis"))).isTrue();
        assertThat(idx.allows(Identity.user("admin"), Request.nonResource("watch", "/apis"))).isTrue();
        assertThat(idx.allows(Identity.user("", "admin"), Request.nonResource("watch", "/apis"))).isTrue();
        assertThat(idx.allows(Identity.user("prefixed"), Request.nonResource("get", "/apis/v1/foobar"))).isTrue();
        assertThat(idx.allows(Identity.user("", "prefixed"), Request.nonResource("get", "/apis/v1"))).isTrue();
        assertThat(idx.allows(Identity.user("foo"), Request.nonResource("watch", "/apis"))).isFalse();
        assertThat(idx.allows(Identity.user("foo"), Request.nonResource("get", "/api/v1"))).isFalse();
        assertThat(idx.allows(Identity.user("admin"), Request.nonResource("get", "/api/v1"))).isFalse();
        assertThat(idx.allows(Identity.user("prefixed"), Request.nonResource("get", "/api/v1"))).isFalse();
    }

    @Test
    void subresourceResolution() {
        RbacIndex pods = index(clusterRole("admin", "[{verbs: ['*'], apiGroups: ['*'], resources: [pods]}]"),
                roleBinding("ns1", "b", "ClusterRole", "admin", "User:admin"));
        assertThat(pods.allows(Identity.user("admin"), get("pods", "ns1"))).isTrue();
        assertThat(pods.allows(Identity.user("admin"), get("pods/status", "ns1"))).isFalse();
        RbacIndex status = index(clusterRole("admin", "[{verbs: ['*'], apiGroups: ['*'], resources: [pods/status]}]"),
                roleBinding("ns1", "b", "ClusterRole", "admin", "User:admin"));
        assertThat(status.allows(Identity.user("admin"), get("pods/status", "ns1"))).isTrue();
        assertThat(status.allows(Identity.user("admin"), get("pods", "ns1"))).isFalse();
    }

    @Test
    void effectiveRulesPerNamespaceAsTheDefaultRuleResolver() {
        RbacIndex idx = index(
                role("namespace1", "readthings", "[{verbs: [GET, WATCH], apiGroups: [v1], resources: [pods]}, "
                        + "{verbs: [GET, WATCH], apiGroups: [v1], resources: [services]}]"),
                clusterRole("cluster-admin", "[{verbs: ['*'], apiGroups: ['*'], resources: ['*']}]"),
                clusterRole("write-nodes", "[{verbs: [PUT, CREATE, UPDATE], apiGroups: [v1], resources: [nodes]}]"),
                roleBinding("namespace1", "rb", "Role", "readthings", "User:foobar", "Group:group1"),
                clusterRoleBinding("crb", "cluster-admin", "User:admin", "Group:admin"));
        assertThat(rulesFor(idx, Identity.user("foobar"), "namespace1")).hasSize(2);
        assertThat(rulesFor(idx, Identity.user("foobar"), "namespace2")).isEmpty();
        assertThat(rulesFor(idx, Identity.user("foobar", "admin"), null))
                .containsExactly(PolicyRule.resource(List.of("*"), List.of("*"), List.of("*")));
        assertThat(rulesFor(idx, Identity.user(""), null)).isEmpty();
    }

    private static List<PolicyRule> rulesFor(RbacIndex idx, Identity who, String ns) {
        return idx.grantsFor(who).stream().filter(g -> g.clusterWide() || g.namespace().equals(ns)).map(Grant::rule).toList();
    }

    @Test
    void subjectsApplyAsTheAuthorizerSaysSo() {
        RbacIndex idx = index(clusterRole("r", "[{verbs: [get], apiGroups: [''], resources: [pods]}]"),
                roleBinding("default", "b", "ClusterRole", "r", "User:barfoo", "Group:foobar", "ServiceAccount:kube-system/default"),
                roleBinding("default", "star", "ClusterRole", "r", "User:*"),
                roleBinding("default", "anyone", "ClusterRole", "r", "Group:system:authenticated", "Group:system:unauthenticated"));
        Request r = get("pods", "default");
        assertThat(idx.allows(Identity.user("zimzam", "foobar"), r)).isTrue();
        assertThat(idx.allows(Identity.user("system:serviceaccount:kube-system:default"), r)).isTrue();
        assertThat(idx.whoCan(r).stream().filter(g -> g.binding().name().equals("star")).map(Grant::subject))
                .as("* user subject name doesn't match all users").containsExactly(Subject.user("*"));
        assertThat(idx.allows(Identity.of(Subject.user("foobar")), r)).isTrue();
        assertThat(idx.allows(Identity.of(Subject.user(Subject.ANONYMOUS)), r)).isTrue();
        assertThat(idx.allows(Identity.user("zimzam"), get("pods", "other"))).isFalse();
    }

    @Test
    void serviceAccountSubjectWithoutNamespaceTakesTheRoleBindingsNamespace() {
        RbacIndex idx = index(role("team", "reader", "[{verbs: [get], apiGroups: [''], resources: [secrets]}]"),
                roleBinding("team", "b", "Role", "reader", "ServiceAccount:builder"),
                clusterRole("c", "[{verbs: [list], apiGroups: [''], resources: [nodes]}]"),
                clusterRoleBinding("crb", "c", "ServiceAccount:builder"));
        assertThat(idx.allows(Identity.of(Subject.serviceAccount("team", "builder")), get("secrets", "team"))).isTrue();
        assertThat(idx.allows(Identity.of(Subject.serviceAccount("team", "builder")), Request.of("list", "", "nodes", "", "")))
                .as("a ClusterRoleBinding SA subject without namespace matches nobody").isFalse();
    }

    @Test
    void userNamedLikeAServiceAccountIsThatServiceAccountAndServiceAccountsGetImplicitGroups() {
        RbacIndex idx = index(clusterRole("c", "[{verbs: [get], apiGroups: [''], resources: [configmaps]}]"),
                clusterRoleBinding("u", "c", "User:system:serviceaccount:ci:deployer"),
                clusterRole("d", "[{verbs: [list], apiGroups: [''], resources: [pods]}]"),
                clusterRoleBinding("g", "d", "Group:system:serviceaccounts:ci"));
        Subject sa = Subject.serviceAccount("ci", "deployer");
        assertThat(idx.grantsOf(sa)).hasSize(1);
        assertThat(idx.allows(Identity.of(sa), Request.of("list", "", "pods", "", ""))).isTrue();
        assertThat(idx.whatCan(sa)).extracting(g -> g.binding().name()).containsExactlyInAnyOrder("u", "g");
    }

    @Test
    void systemMastersBypassesRbac() {
        RbacIndex idx = index();
        assertThat(idx.allows(Identity.user("x", Subject.MASTERS), Request.of("delete", "", "nodes", "", "n1"))).isTrue();
    }

    @Test
    void subjectLocatorListsMastersFirstThenClusterThenNamespaceSubjects() {
        SnapshotIndex s = snapshot(clusterRole("admin", ALL), clusterRoleBinding("c", "admin", "User:super-admin", "Group:super-admins"),
                roleBinding("ns1", "r", "ClusterRole", "admin", "User:admin", "Group:admins"));
        RbacIndex idx = RbacIndex.build(s);
        assertThat(idx.subjectsWhoCan(get("Pods", "ns1"))).containsExactly(Subject.group(Subject.MASTERS), Subject.user("super-admin"),
                Subject.group("super-admins"), Subject.user("admin"), Subject.group("admins"));
        assertThat(idx.subjectsWhoCan(Request.of("*", "", "Pods", "*", ""))).containsExactly(Subject.group(Subject.MASTERS),
                Subject.user("super-admin"), Subject.group("super-admins"));
        assertThat(idx.subjectsWhoCan(Request.of("*", "", "Pods", "", ""))).containsExactly(Subject.group(Subject.MASTERS),
                Subject.user("super-admin"), Subject.group("super-admins"));
    }

    @Test
    void subjectLocatorLocalRolesMatchVerbAndNamespace() {
        RbacIndex idx = index(clusterRole("admin", ALL), clusterRoleBinding("c", "admin", "User:super-admin", "Group:super-admins"),
                role("ns1", "admin", "[{verbs: [get], apiGroups: ['*'], resources: [Pods]}]"),
                roleBinding("ns1", "r", "Role", "admin", "User:admin", "Group:admins"));
        assertThat(idx.subjectsWhoCan(get("Pods", "ns1"))).containsExactly(Subject.group(Subject.MASTERS), Subject.user("super-admin"),
                Subject.group("super-admins"), Subject.user("admin"), Subject.group("admins"));
        assertThat(idx.subjectsWhoCan(Request.of("create", "", "Pods", "ns1", ""))).doesNotContain(Subject.user("admin"));
        assertThat(idx.subjectsWhoCan(get("Pods", "ns2"))).doesNotContain(Subject.user("admin"));
    }

    @Test
    void somewhereQueriesIgnoreRoleBindingsForClusterScopedResourcesExceptBindOnClusterRoles() {
        RbacIndex idx = index(role("ns", "r", "[{verbs: ['*'], apiGroups: ['*'], resources: [persistentvolumes, nodes/proxy, clusterroles]}]"),
                roleBinding("ns", "b", "Role", "r", "User:jane"));
        assertThat(idx.whoCanSomewhere(Request.of("create", "", "persistentvolumes", null, null))).isEmpty();
        assertThat(idx.whoCanSomewhere(Request.of("get", "", "nodes/proxy", null, null))).isEmpty();
        assertThat(idx.whoCanSomewhere(Request.of("escalate", "rbac.authorization.k8s.io", "clusterroles", null, null))).isEmpty();
        assertThat(idx.whoCanSomewhere(Request.of("bind", "rbac.authorization.k8s.io", "clusterroles", null, null)))
                .extracting(Grant::subject).containsExactly(Subject.user("jane"));
    }

    @Test
    void aRoleBindingReachesItsOwnNamespaceObject() {
        RbacIndex idx = index(clusterRole("ns-editor", "[{verbs: [patch], apiGroups: [''], resources: [namespaces]}]"),
                roleBinding("team", "b", "ClusterRole", "ns-editor", "User:lead"));
        assertThat(idx.allows(Identity.user("lead"), Request.of("patch", "", "namespaces", "team", "team"))).isTrue();
        assertThat(idx.whoCanSomewhere(Request.of("patch", "", "namespaces", null, null))).hasSize(1);
    }
}
