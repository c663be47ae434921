package dev.kubeward.engine.rbac.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.kubeward.engine.rbac.RbacFixtures.clusterRole;
import static dev.kubeward.engine.rbac.RbacFixtures.clusterRoleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.role;
import static dev.kubeward.engine.rbac.RbacFixtures.roleBinding;
import static dev.kubeward.engine.rbac.RbacFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class KubewardRbacRulesTest {

    private static List<ObjectRef> failed(String rule, SnapshotIndex s) {
        Rule r = KubewardRbacRules.all().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
        return ((SnapshotRule) r).evaluate(new RuleContext(s, ControlInputs.defaults())).violations().stream().map(v -> v.resource()).toList();
    }

    @Test
    void everyRuleHasAControlInTheCatalogueAndTheFramework() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode controls = m.readTree(getClass().getResource("/kubeward/controls-rbac.json"));
        JsonNode framework = m.readTree(getClass().getResource("/kubeward/frameworks-rbac.json")).path("KubewardRBAC");
        Set<String> ruleNames = new HashSet<>();
        Set<String> ids = new HashSet<>();
        controls.forEach(c -> {
            c.path("rules").forEach(r -> ruleNames.add(r.asText()));
            ids.add(c.path("id").asText());
        });
        assertThat(ruleNames).containsExactlyInAnyOrderElementsOf(KubewardRbacRules.all().stream().map(Rule::name).toList());
        Set<String> listed = new HashSet<>();
        framework.path("controls").forEach(c -> listed.add(c.asText()));
        assertThat(listed).isEqualTo(ids);
    }

    @Test
    void readingSecretsCountsListAndWatchAndOnlyTheUsersOwnBindings() {
        SnapshotIndex s = snapshot(role("app", "watcher", "[{verbs: [watch], apiGroups: [''], resources: [secrets]}]"),
                roleBinding("app", "w", "Role", "watcher", "User:eve"),
                "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader, labels: "
                        + "{kubernetes.io/bootstrapping: rbac-defaults}}, rules: [{verbs: [get], apiGroups: [''], resources: [secrets]}]}",
                "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name: reader, labels: "
                        + "{kubernetes.io/bootstrapping: rbac-defaults}}, roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, "
                        + "name: reader}, subjects: [{kind: User, name: system:controller}]}");
        assertThat(failed("kw-rbac-r10-read-secrets", s)).extracting(ObjectRef::name).containsExactly("eve");
    }

    @Test
    void bindRequiresAlsoWritingBindings() {
        String bind = "[{verbs: [bind], apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles]}]";
        String both = "[{verbs: [bind], apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles]}, "
                + "{verbs: [create], apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings]}]";
        assertThat(failed("kw-rbac-r07-bind", snapshot(clusterRole("b", bind), clusterRoleBinding("x", "b", "User:a")))).isEmpty();
        assertThat(failed("kw-rbac-r07-bind", snapshot(clusterRole("b", both), roleBinding("team", "x", "ClusterRole", "b", "User:a"))))
                .extracting(ObjectRef::name).containsExactly("a");
        assertThat(failed("kw-rbac-r08-rbac-write", snapshot(clusterRole("b", both), clusterRoleBinding("x", "b", "User:a")))).isEmpty();
    }

    @Test
    void unusedRoleIgnoresAggregationSourcesAndDefaults() {
        SnapshotIndex s = snapshot(clusterRole("lonely", "[]"),
                "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: src, labels: {agg: 'true'}}, rules: []}",
                "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: combined}, "
                        + "aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: 'true'}}]}, rules: []}",
                clusterRoleBinding("uses-combined", "combined", "User:a"), clusterRole("system:thing", "[]"));
        assertThat(failed("kw-rbac-h3-unused-role", s)).extracting(ObjectRef::name).containsExactly("lonely");
    }

    @Test
    void anonymousBaselineBindingsAreAccepted() {
        SnapshotIndex s = snapshot(clusterRole("public", "[]"),
                clusterRoleBinding("my-public", "public", "Group:system:unauthenticated"),
                clusterRoleBinding("kubeadm-info", "kubeadm:bootstrap-signer-clusterinfo", "User:system:anonymous"));
        assertThat(failed("kw-rbac-r31-anonymous-access", s)).extracting(ObjectRef::name).containsExactly("my-public");
    }
}
