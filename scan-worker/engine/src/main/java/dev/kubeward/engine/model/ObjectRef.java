package dev.kubeward.engine.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identity of a Kubernetes object: what a finding is about. Namespace is {@code null} for cluster-scoped
 * objects (and for namespaced objects read from a manifest that named none).
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) implements Comparable<ObjectRef> {

    /** Cluster-scoped first, then by namespace, kind and name: the stable order of the wire contract. */
    public static final Comparator<ObjectRef> STABLE_ORDER = Comparator
            .comparing((ObjectRef r) -> r.namespace() == null ? "" : r.namespace())
            .thenComparing(ObjectRef::kind)
            .thenComparing(r -> r.name() == null ? "" : r.name())
            .thenComparing(r -> r.apiVersion() == null ? "" : r.apiVersion());

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
    }

    /** The API group ("" for core), as Kubernetes writes it in RBAC rules. */
    public String group() {
        if (apiVersion == null) return "";
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code kind/namespace/name}, the human key used in messages and the CLI table. */
    public String display() {
        return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    /** Same object regardless of apiVersion spelling (apps/v1 vs extensions/v1beta1). */
    public boolean sameObject(ObjectRef other) {
        return kind.equals(other.kind) && Objects.equals(namespace, other.namespace) && Objects.equals(name, other.name);
    }

    @Override
    public int compareTo(ObjectRef o) {
        return STABLE_ORDER.compare(this, o);
    }
}
