package dev.kubeward.api.rbac;

import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;

/**
 * Stable string ids of graph nodes, shared by the REST answers and the page ({@code sa:ns/name}, {@code crb:name},
 * {@code cr:name}, {@code wl:ns/Kind/name}...), so a node clicked in the browser can be asked about again.
 */
public final class NodeIds {

    public static final String ADMIN = "admin";

    private NodeIds() {
    }

    public static String of(Subject s) {
        return switch (s.kind()) {
            case User -> "user:" + s.name();
            case Group -> "group:" + s.name();
            case ServiceAccount -> "sa:" + s.namespace() + "/" + s.name();
        };
    }

    public static String of(Binding b) {
        return b.clusterWide() ? "crb:" + b.name() : "rb:" + b.namespace() + "/" + b.name();
    }

    public static String of(Role r) {
        return r.clusterRole() ? "cr:" + r.name() : "role:" + r.namespace() + "/" + r.name();
    }

    /** The role a binding names, whether or not it exists. */
    public static String roleOf(Binding b) {
        if (b.role() != null) return of(b.role());
        return "ClusterRole".equals(b.roleKind()) || b.clusterWide() ? "cr:" + b.roleName() : "role:" + b.namespace() + "/" + b.roleName();
    }

    public static String of(GraphNode n) {
        return switch (n.type()) {
            case USER -> "user:" + n.name();
            case GROUP -> "group:" + n.name();
            case SERVICE_ACCOUNT -> "sa:" + n.namespace() + "/" + n.name();
            case ROLE_BINDING -> "rb:" + n.namespace() + "/" + n.name();
            case CLUSTER_ROLE_BINDING -> "crb:" + n.name();
            case ROLE -> "role:" + n.namespace() + "/" + n.name();
            case CLUSTER_ROLE -> "cr:" + n.name();
            case NAMESPACE -> "ns:" + n.name();
            case WORKLOAD -> "wl:" + n.namespace() + "/" + n.name();
            case POD_IDENTITIES -> "pods:" + n.namespace();
            case CLUSTER_ADMIN -> ADMIN;
        };
    }

    /** The kind shown for a node type (the page styles nodes by it). */
    public static String kindOf(GraphNode n) {
        return switch (n.type()) {
            case USER -> "User";
            case GROUP -> "Group";
            case SERVICE_ACCOUNT -> "ServiceAccount";
            case ROLE_BINDING -> "RoleBinding";
            case CLUSTER_ROLE_BINDING -> "ClusterRoleBinding";
            case ROLE -> "Role";
            case CLUSTER_ROLE -> "ClusterRole";
            case NAMESPACE -> "Namespace";
            case WORKLOAD -> "Workload";
            case POD_IDENTITIES -> "PodIdentities";
            case CLUSTER_ADMIN -> "ClusterAdmin";
        };
    }

    public static String labelOf(GraphNode n) {
        return switch (n.type()) {
            case SERVICE_ACCOUNT, ROLE, ROLE_BINDING, WORKLOAD -> n.namespace() + "/" + n.name();
            case POD_IDENTITIES -> "tokens of pods in " + n.namespace();
            case NAMESPACE -> "every SA in " + n.name();
            case CLUSTER_ADMIN -> "cluster-admin";
            default -> n.name();
        };
    }

    /** The prefix of an id ({@code sa}, {@code crb}, {@code agg}...). */
    public static String prefix(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    /** The part after the prefix. */
    public static String rest(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? "" : id.substring(colon + 1);
    }
}
