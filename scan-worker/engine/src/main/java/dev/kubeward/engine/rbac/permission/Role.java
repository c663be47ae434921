package dev.kubeward.engine.rbac.permission;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;

import java.util.List;

/**
 * A Role or ClusterRole with its effective rules: for an aggregated ClusterRole, the rules the aggregation
 * controller would write (the stored rules, often {@code []} in manifests, are ignored).
 */
public record Role(KubeObject object, boolean clusterRole, String namespace, String name, List<PolicyRule> rules,
                   boolean aggregated, boolean builtIn) {

    public Role {
        rules = List.copyOf(rules);
    }

    public ObjectRef ref() {
        return object.ref();
    }

    public String kind() {
        return clusterRole ? "ClusterRole" : "Role";
    }

    public String display() {
        return clusterRole ? "ClusterRole " + name : "Role " + namespace + "/" + name;
    }
}
