package dev.kubeward.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of a snapshot indexed once — by kind, by kind and namespace, by uid and by owner — so
 * cross-resource rules (services ↔ pods, policies ↔ namespaces, ingress ↔ services) look things up
 * instead of scanning the whole snapshot per object. Immutable once built; safe to share across threads.
 */
public final class SnapshotIndex {

    /** Kinds that own a pod template: judged through the template, once. */
    public static final Set<String> WORKLOAD_KINDS =
            Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController");

    private final ClusterInfo cluster;
    private final List<KubeObject> all;
    private final Map<String, List<KubeObject>> byKind = new HashMap<>();
    private final Map<String, Map<String, List<KubeObject>>> byKindAndNamespace = new HashMap<>();
    private final Map<String, KubeObject> byUid = new HashMap<>();
    private final Map<String, KubeObject> byKindNamespaceName = new HashMap<>();
    private final Set<KubeObject> ownedWorkloads = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<Object, Memo<?>> memos = new java.util.concurrent.ConcurrentHashMap<>();

    public SnapshotIndex(Snapshot snapshot) {
        this.cluster = snapshot.cluster();
        this.all = List.copyOf(snapshot.objects());
        for (KubeObject o : all) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            byKindAndNamespace.computeIfAbsent(o.kind(), k -> new HashMap<>())
                    .computeIfAbsent(nsKey(o.namespace()), k -> new ArrayList<>()).add(o);
            String uid = o.uid();
            if (uid != null && !uid.isEmpty()) byUid.put(uid, o);
            byKindNamespaceName.putIfAbsent(key(o.kind(), o.namespace(), o.name()), o);
        }
        for (KubeObject o : all) {
            if (WORKLOAD_KINDS.contains(o.kind()) && controllerOf(o).filter(w -> WORKLOAD_KINDS.contains(w.kind())).isPresent()) {
                ownedWorkloads.add(o);
            }
        }
    }

    public static SnapshotIndex of(List<KubeObject> objects) {
        return new SnapshotIndex(Snapshot.of(objects));
    }

    private static String nsKey(String ns) {
        return ns == null ? "" : ns;
    }

    private static String key(String kind, String ns, String name) {
        return kind + "\u0000" + nsKey(ns) + "\u0000" + name;
    }

    public ClusterInfo cluster() { return cluster; }

    /**
     * A value derived from the whole snapshot, computed once and shared by every rule that asks with the same
     * key (e.g. "which service accounts are bound"): cross-resource rules look things up in such derived
     * indexes instead of scanning all objects per object, which keeps a scan linear in the object count.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Function<SnapshotIndex, T> compute) {
        // NB: the map only creates the holder; the value is computed under the holder's own lock, so a
        // computation may itself ask for other memos (no recursive map update) and runs once per snapshot.
        Memo<T> memo = (Memo<T>) memos.computeIfAbsent(key, k -> new Memo<>());
        return memo.get(() -> compute.apply(this));
    }

    private static final class Memo<T> {
        private T value;

        synchronized T get(java.util.function.Supplier<T> compute) {
            if (value == null) value = compute.get();
            return value;
        }
    }
    public List<KubeObject> all() { return all; }

    public List<KubeObject> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Objects of a kind in a namespace; {@code null} or "" namespace means objects without namespace. */
    public List<KubeObject> ofKind(String kind, String namespace) {
        Map<String, List<KubeObject>> m = byKindAndNamespace.get(kind);
        return m == null ? List.of() : m.getOrDefault(nsKey(namespace), List.of());
    }

    /**
     * Namespaced objects of a kind seen in a namespace, treating an object without a namespace as being in
     * {@code default} (where the API server would have put it) — manifests often omit the namespace.
     */
    public List<KubeObject> ofKindInNamespace(String kind, String namespace) {
        String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
        List<KubeObject> exact = ofKind(kind, ns);
        if (!"default".equals(ns)) return exact;
        List<KubeObject> none = ofKind(kind, null);
        if (none.isEmpty()) return exact;
        List<KubeObject> both = new ArrayList<>(exact);
        both.addAll(none);
        return both;
    }

    public Optional<KubeObject> find(String kind, String namespace, String name) {
        return Optional.ofNullable(byKindNamespaceName.get(key(kind, namespace, name)));
    }

    public Optional<KubeObject> byUid(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    public Set<String> kinds() {
        return Collections.unmodifiableSet(byKind.keySet());
    }

    /**
     * The controller that owns an object, if that controller is in the snapshot: by uid when the owner
     * reference carries one that we know, else by kind and name in the same namespace.
     */
    public Optional<KubeObject> controllerOf(KubeObject object) {
        for (JsonNode ref : object.metadata().path("ownerReferences")) {
            if (ref.has("controller") && !ref.path("controller").asBoolean(false)) continue;
            String uid = ref.path("uid").asText("");
            if (!uid.isEmpty() && byUid.containsKey(uid)) return Optional.of(byUid.get(uid));
            Optional<KubeObject> byName = find(ref.path("kind").asText(), object.namespace(), ref.path("name").asText());
            if (byName.isPresent()) return byName;
        }
        return Optional.empty();
    }

    /** The top of the ownership chain (Pod → ReplicaSet → Deployment), or the object itself. */
    public KubeObject topOwner(KubeObject object) {
        KubeObject current = object;
        for (int depth = 0; depth < 5; depth++) {
            Optional<KubeObject> owner = controllerOf(current);
            if (owner.isEmpty()) return current;
            current = owner.get();
        }
        return current;
    }

    /**
     * Pods (and ReplicaSets, Jobs) owned by a controller present in the snapshot are judged through that
     * controller's template, as Kubescape does: one finding per Deployment, never one per replica.
     */
    public boolean judgedThroughOwner(KubeObject object) {
        return ownedWorkloads.contains(object);
    }
}
