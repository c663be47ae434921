package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.LabelSelector;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.IdentityHashMap;

/**
 * Which pods a Service or a network policy selects, by Kubernetes' rules, shared by the network rules:
 * a workload's pods carry its template labels and live in its namespace ({@code default} when the
 * manifest names none); a Service selects pods carrying all of its selector's labels in its namespace; a
 * policy selects pods as {@link NetworkPolicyRule} says. Policies are parsed once per snapshot.
 */
final class PodSelection {

    private final SnapshotIndex index;
    private final List<NetworkPolicyRule> policies;
    /** The pods of each workload and the workloads of each namespace, derived once per snapshot, read-only after. */
    private final Map<KubeObject, Pods> podsByWorkload = new IdentityHashMap<>();
    private final Map<String, List<KubeObject>> workloadsByNamespace = new java.util.HashMap<>();

    private PodSelection(SnapshotIndex index) {
        this.index = index;
        this.policies = parsePolicies(index);
        for (String kind : SnapshotIndex.WORKLOAD_KINDS) {
            for (KubeObject w : index.ofKind(kind)) {
                PodTemplate.of(w).ifPresent(t -> podsByWorkload.put(w, pods(t)));
                workloadsByNamespace.computeIfAbsent(namespaceOf(w), k -> new ArrayList<>()).add(w);
            }
        }
    }

    /** One selection per snapshot: policies are parsed and workloads' pods derived once, shared by all network rules. */
    static PodSelection of(SnapshotIndex index) {
        return index.memo(PodSelection.class, PodSelection::new);
    }

    private static List<NetworkPolicyRule> parsePolicies(SnapshotIndex index) {
        List<NetworkPolicyRule> out = new ArrayList<>();
        for (String kind : NetworkPolicyRule.KINDS) {
            index.ofKind(kind).forEach(p -> out.addAll(NetworkPolicyRule.of(p)));
        }
        return List.copyOf(out);
    }

    /** The namespace of a namespaced object, {@code default} when the manifest names none. */
    static String namespaceOf(KubeObject o) {
        String ns = o.namespace();
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    /** The pods a workload runs, as selectors see them. */
    record Pods(String namespace, JsonNode labels, JsonNode ciliumLabels) {
    }

    /** The pods of a workload kind; empty for other kinds. */
    Optional<Pods> pods(KubeObject workload) {
        Pods known = podsByWorkload.get(workload);
        return known != null ? Optional.of(known) : PodTemplate.of(workload).map(this::pods);
    }

    Pods pods(PodTemplate template) {
        String ns = namespaceOf(template.owner());
        JsonNode labels = template.podLabels().isObject() ? template.podLabels() : JsonNodeFactory.instance.objectNode();
        ObjectNode cilium = labels.deepCopy();
        cilium.put(NetworkPolicyRule.CILIUM_NAMESPACE_LABEL, ns);
        cilium.put(NetworkPolicyRule.CILIUM_SERVICE_ACCOUNT_LABEL, template.serviceAccountName());
        return new Pods(ns, labels, cilium);
    }

    /** Policy units (NetworkPolicy, Cilium rules) that select these pods. */
    List<NetworkPolicyRule> policiesSelecting(Pods pods) {
        return policies.stream().filter(p -> p.selects(pods)).toList();
    }

    /**
     * Whether a namespace has a network policy: a NetworkPolicy or CiliumNetworkPolicy of its own, or a
     * cluster-wide Cilium rule that isolates every pod of it.
     */
    boolean namespaceHasPolicy(String namespace) {
        for (NetworkPolicyRule p : policies) {
            if (p.namespace() == null ? p.isolates() && p.selectsWholeNamespace(namespace) : p.namespace().equals(namespace)) {
                return true;
            }
        }
        // A Cilium policy whose rules are all empty still belongs to the namespace.
        return !index.ofKindInNamespace(NetworkPolicyRule.CILIUM_POLICY, namespace).isEmpty();
    }

    /** Workloads (any kind with a pod template) of a namespace whose pods the selector picks. */
    List<KubeObject> workloadsMatching(String namespace, JsonNode labelSelector) {
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject w : workloadsIn(namespace)) {
            pods(w).filter(p -> LabelSelector.selects(labelSelector, p.labels())).ifPresent(p -> out.add(w));
        }
        return out;
    }

    /** Workloads whose pods a Service's selector picks; none for a Service without selector. */
    List<KubeObject> workloadsSelectedBy(KubeObject service) {
        JsonNode selector = service.spec().path("selector");
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject w : workloadsIn(namespaceOf(service))) {
            pods(w).filter(p -> LabelSelector.mapSelects(selector, p.labels())).ifPresent(p -> out.add(w));
        }
        return out;
    }

    /** Services of the workload's namespace whose selector picks its pods. */
    List<KubeObject> servicesSelecting(Pods pods) {
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject s : index.ofKindInNamespace("Service", pods.namespace())) {
            if (LabelSelector.mapSelects(s.spec().path("selector"), pods.labels())) out.add(s);
        }
        return out;
    }

    private List<KubeObject> workloadsIn(String namespace) {
        return workloadsByNamespace.getOrDefault(namespace == null || namespace.isEmpty() ? "default" : namespace, List.of());
    }
}
