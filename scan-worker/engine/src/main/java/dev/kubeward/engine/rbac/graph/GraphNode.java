package dev.kubeward.engine.rbac.graph;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Subject;

/** A vertex of the RBAC graph: an identity, an RBAC object, a namespace, a workload, or a virtual hub. */
public record GraphNode(Type type, String namespace, String name) {

    public enum Type {
        USER, GROUP, SERVICE_ACCOUNT, ROLE_BINDING, CLUSTER_ROLE_BINDING, ROLE, CLUSTER_ROLE, NAMESPACE, WORKLOAD,
        /** Every identity mounted by a pod of one namespace: what exec or kubelet access reaches. */
        POD_IDENTITIES,
        /** The goal of {@code pathToAdmin}: full control of the cluster. */
        CLUSTER_ADMIN
    }

    public static final GraphNode CLUSTER_ADMIN = new GraphNode(Type.CLUSTER_ADMIN, null, "cluster-admin");

    public static GraphNode of(Subject s) {
        return switch (s.kind()) {
            case User -> new GraphNode(Type.USER, null, s.name());
            case Group -> new GraphNode(Type.GROUP, null, s.name());
            case ServiceAccount -> new GraphNode(Type.SERVICE_ACCOUNT, s.namespace(), s.name());
        };
    }

    public static GraphNode of(ObjectRef ref) {
        Type t = switch (ref.kind()) {
            case "RoleBinding" -> Type.ROLE_BINDING;
            case "ClusterRoleBinding" -> Type.CLUSTER_ROLE_BINDING;
            case "Role" -> Type.ROLE;
            case "ClusterRole" -> Type.CLUSTER_ROLE;
            case "Namespace" -> Type.NAMESPACE;
            case "ServiceAccount" -> Type.SERVICE_ACCOUNT;
            case "User" -> Type.USER;
            case "Group" -> Type.GROUP;
            default -> Type.WORKLOAD;
        };
        String name = t == Type.WORKLOAD ? ref.kind() + "/" + ref.name() : ref.name();
        String ns = t == Type.WORKLOAD && ref.namespace() == null ? "default" : ref.namespace();
        return new GraphNode(t, ns, name);
    }

    public static GraphNode namespace(String ns) {
        return new GraphNode(Type.NAMESPACE, null, ns);
    }

    public boolean identity() {
        return type == Type.USER || type == Type.GROUP || type == Type.SERVICE_ACCOUNT;
    }

    @Override
    public String toString() {
        return type + (namespace == null ? " " : " " + namespace + "/") + name;
    }
}
