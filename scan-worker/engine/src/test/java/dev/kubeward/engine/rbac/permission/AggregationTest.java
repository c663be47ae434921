package dev.kubeward.engine.rbac.permission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.rbac.RbacFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Ports TestSyncClusterRole of kubernetes pkg/controller/clusterroleaggregation, plus transitivity and cycles. */
class AggregationTest {

    private static final String HAMMER = "[{verbs: [hammer], resources: [nails]}, {verbs: [hammer], resources: [wedges]}]";
    private static final String CHISEL = "[{verbs: [chisel], resources: [mortises]}]";
    private static final String SAW = "[{verbs: [saw], resources: [boards]}]";

    private static String role(String name, String label, String rules) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: " + name + ", labels: {foo: '" + label
                + "'}}, rules: " + rules + "}";
    }

    private static String combined(String selectors, String storedRules) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: combined}, aggregationRule: "
                + "{clusterRoleSelectors: " + selectors + "}, rules: " + storedRules + "}";
    }

    private static List<String> verbsOf(String... docs) {
        return RbacIndex.build(snapshot(docs)).clusterRole("combined").orElseThrow().rules().stream()
                .map(r -> r.verbs().get(0) + ":" + r.resources().get(0)).toList();
    }

    @Test
    void removesDeadRules() {
        assertThat(verbsOf(role("hammer", "bar", HAMMER), combined("[{matchLabels: {foo: bar}}]", SAW)))
                .containsExactly("hammer:nails", "hammer:wedges");
    }

    @Test
    void stripsRulesWhenNothingMatches() {
        assertThat(verbsOf(role("hammer", "not-bar", HAMMER), combined("[{matchLabels: {foo: bar}}]", HAMMER))).isEmpty();
    }

    @Test
    void selectsProperlyAndPutsSourcesInNameOrder() {
        assertThat(verbsOf(role("hammer", "bar", HAMMER), role("chisel", "bar", CHISEL), role("saw", "not-bar", SAW),
                combined("[{matchLabels: {foo: bar}}]", "[]")))
                .containsExactly("chisel:mortises", "hammer:nails", "hammer:wedges");
    }

    @Test
    void selectsWithMultipleSelectors() {
        assertThat(verbsOf(role("hammer", "bar", HAMMER), role("chisel", "bar", CHISEL), role("saw", "not-bar", SAW),
                combined("[{matchLabels: {foo: bar}}, {matchLabels: {foo: not-bar}}]", "[]")))
                .containsExactly("chisel:mortises", "hammer:nails", "hammer:wedges", "saw:boards");
    }

    @Test
    void removesDuplicateRules() {
        assertThat(verbsOf(role("hammer", "bar", HAMMER), role("chisel", "bar", CHISEL), role("saw", "bar", SAW),
                role("other-saw", "not-bar", SAW), combined("[{matchLabels: {foo: bar}}, {matchLabels: {foo: not-bar}}]", "[]")))
                .containsExactly("chisel:mortises", "hammer:nails", "hammer:wedges", "saw:boards");
    }

    @Test
    void aggregatesTransitivelyFromEmptyStoredRules() {
        RbacIndex idx = RbacIndex.build(snapshot(
                "{kind: ClusterRole, apiVersion: rbac.authorization.k8s.io/v1, metadata: {name: view-src, labels: {to-view: 'true'}}, "
                        + "rules: [{verbs: [get], apiGroups: [''], resources: [pods]}]}",
                "{kind: ClusterRole, apiVersion: rbac.authorization.k8s.io/v1, metadata: {name: view, labels: {to-edit: 'true'}}, "
                        + "aggregationRule: {clusterRoleSelectors: [{matchLabels: {to-view: 'true'}}]}, rules: []}",
                "{kind: ClusterRole, apiVersion: rbac.authorization.k8s.io/v1, metadata: {name: edit}, "
                        + "aggregationRule: {clusterRoleSelectors: [{matchExpressions: [{key: to-edit, operator: Exists}]}]}, rules: []}",
                "{kind: ClusterRole, apiVersion: rbac.authorization.k8s.io/v1, metadata: {name: a, labels: {x: b}}, "
                        + "aggregationRule: {clusterRoleSelectors: [{matchLabels: {x: a}}]}}",
                "{kind: ClusterRole, apiVersion: rbac.authorization.k8s.io/v1, metadata: {name: b, labels: {x: a}}, "
                        + "aggregationRule: {clusterRoleSelectors: [{matchLabels: {x: b}}]}}"));
        assertThat(idx.clusterRole("edit").orElseThrow().rules()).hasSize(1);
        assertThat(idx.isAggregationSource(idx.clusterRole("view-src").orElseThrow())).isTrue();
        assertThat(idx.clusterRole("a").orElseThrow().rules()).as("a cycle settles on nothing").isEmpty();
    }
}
