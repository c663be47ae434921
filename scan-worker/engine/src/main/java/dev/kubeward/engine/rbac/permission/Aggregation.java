package dev.kubeward.engine.rbac.permission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.LabelSelector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * ClusterRole aggregation as the clusterrole-aggregation controller does it: an aggregated role's rules are
 * the union, without duplicates, of the rules of every other ClusterRole matched by any of its selectors
 * (sources taken in name order), replacing whatever rules it stores. Aggregated roles may aggregate each
 * other (admin ⊃ edit ⊃ view), so the computation runs to a fixpoint; starting from empty rules makes it
 * monotone, so it terminates even on cycles.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /** Effective rules of every ClusterRole, by name. */
    public static Map<String, List<PolicyRule>> effectiveRules(List<KubeObject> clusterRoles) {
        List<KubeObject> sorted = new ArrayList<>(clusterRoles);
        sorted.sort(Comparator.comparing(o -> o.name() == null ? "" : o.name()));
        Map<String, List<PolicyRule>> rules = new HashMap<>();
        List<KubeObject> aggregated = new ArrayList<>();
        for (KubeObject cr : sorted) {
            if (isAggregated(cr)) {
                aggregated.add(cr);
                rules.put(cr.name(), List.of());
            } else {
                rules.put(cr.name(), stored(cr));
            }
        }
        if (aggregated.isEmpty()) return rules;
        Map<String, List<KubeObject>> sources = new HashMap<>();
        for (KubeObject agg : aggregated) sources.put(agg.name(), sourcesOf(agg, sorted));
        for (int round = 0; round <= aggregated.size() + 1; round++) {
            boolean changed = false;
            for (KubeObject agg : aggregated) {
                LinkedHashSet<PolicyRule> union = new LinkedHashSet<>();
                for (KubeObject src : sources.get(agg.name())) union.addAll(rules.getOrDefault(src.name(), List.of()));
                List<PolicyRule> next = List.copyOf(union);
                if (!next.equals(rules.get(agg.name()))) {
                    rules.put(agg.name(), next);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return rules;
    }

    public static boolean isAggregated(KubeObject clusterRole) {
        JsonNode rule = clusterRole.json().path("aggregationRule");
        return rule.isObject();
    }

    /** The ClusterRoles an aggregated role draws from, per selector in order, sources by name, itself excluded. */
    public static List<KubeObject> sourcesOf(KubeObject aggregated, List<KubeObject> clusterRolesByName) {
        List<KubeObject> out = new ArrayList<>();
        for (JsonNode selector : aggregated.json().path("aggregationRule").path("clusterRoleSelectors")) {
            for (KubeObject cr : clusterRolesByName) {
                if (cr.name() == null || cr.name().equals(aggregated.name()) || out.contains(cr)) continue;
                if (LabelSelector.selects(selector, cr.labels())) out.add(cr);
            }
        }
        return out;
    }

    private static List<PolicyRule> stored(KubeObject role) {
        List<PolicyRule> out = new ArrayList<>();
        role.json().path("rules").forEach(r -> out.add(PolicyRule.of(r)));
        return out;
    }

    /** Rules as stored in a Role or a non-aggregated ClusterRole. */
    public static List<PolicyRule> storedRules(KubeObject role) {
        return stored(role);
    }
}
