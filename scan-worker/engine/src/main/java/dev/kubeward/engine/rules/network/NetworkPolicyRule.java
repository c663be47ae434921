package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.LabelSelector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One unit of network policy as the data plane applies it: which pods it selects and in which directions
 * it isolates them. A Kubernetes NetworkPolicy is one unit; a CiliumNetworkPolicy or
 * CiliumClusterwideNetworkPolicy is one unit per rule of {@code spec} and {@code specs}.
 *
 * <p>Isolation follows each API's defaulting: a NetworkPolicy without {@code policyTypes} isolates ingress,
 * and egress too when it has egress rules; a Cilium rule isolates a direction when it has (non-empty) allow
 * or deny rules for it, unless {@code enableDefaultDeny} says otherwise.
 *
 * @param source          the policy object
 * @param namespace       where the selected pods live; {@code null} for a cluster-wide policy
 * @param selector        a metav1.LabelSelector over pod labels (Cilium keys already normalised)
 * @param cilium          whether pods are matched with Cilium's extra labels (namespace, service account)
 * @param isolatesIngress whether selected pods only accept allowed ingress
 * @param isolatesEgress  whether selected pods only send allowed egress
 */
record NetworkPolicyRule(KubeObject source, String namespace, JsonNode selector, boolean cilium,
                         boolean isolatesIngress, boolean isolatesEgress) {

    static final String NETWORK_POLICY = "NetworkPolicy";
    static final String CILIUM_POLICY = "CiliumNetworkPolicy";
    static final String CILIUM_CLUSTER_POLICY = "CiliumClusterwideNetworkPolicy";
    static final List<String> KINDS = List.of(NETWORK_POLICY, CILIUM_POLICY, CILIUM_CLUSTER_POLICY);

    /** Cilium's label for the pod's namespace, which cluster-wide selectors use to pick namespaces. */
    static final String CILIUM_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
    static final String CILIUM_SERVICE_ACCOUNT_LABEL = "io.cilium.k8s.policy.serviceaccount";

    /** The units of a policy object; none for other kinds or for a Cilium policy without rules. */
    static List<NetworkPolicyRule> of(KubeObject policy) {
        return switch (policy.kind()) {
            case NETWORK_POLICY -> List.of(kubernetes(policy));
            case CILIUM_POLICY -> cilium(policy, PodSelection.namespaceOf(policy));
            case CILIUM_CLUSTER_POLICY -> cilium(policy, null);
            default -> List.of();
        };
    }

    private static NetworkPolicyRule kubernetes(KubeObject policy) {
        JsonNode spec = policy.spec();
        JsonNode selector = spec.path("podSelector");
        // podSelector is a struct in the API: absent means the empty selector, which selects every pod.
        if (!selector.isObject()) selector = JsonNodeFactory.instance.objectNode();
        JsonNode types = spec.path("policyTypes");
        boolean ingress;
        boolean egress;
        if (types.isArray() && !types.isEmpty()) {
            ingress = contains(types, "Ingress");
            egress = contains(types, "Egress");
        } else {
            // The API server's defaulting: always Ingress, Egress only when egress rules are present.
            ingress = true;
            egress = nonEmpty(spec.path("egress"));
        }
        return new NetworkPolicyRule(policy, PodSelection.namespaceOf(policy), selector, false, ingress, egress);
    }

    private static List<NetworkPolicyRule> cilium(KubeObject policy, String namespace) {
        List<JsonNode> rules = new ArrayList<>();
        if (policy.spec().isObject()) rules.add(policy.spec());
        policy.json().path("specs").forEach(rules::add);
        List<NetworkPolicyRule> out = new ArrayList<>();
        for (JsonNode rule : rules) {
            // A rule with a nodeSelector (host policy) or without any selector selects no pod.
            JsonNode selector = rule.get("endpointSelector");
            if (selector == null || !selector.isObject()) continue;
            boolean ingress = direction(rule, "ingress", "ingressDeny");
            boolean egress = direction(rule, "egress", "egressDeny");
            out.add(new NetworkPolicyRule(policy, namespace, normalise(selector), true, ingress, egress));
        }
        return out;
    }

    private static boolean direction(JsonNode rule, String allow, String deny) {
        JsonNode explicit = rule.path("enableDefaultDeny").path(allow);
        if (explicit.isBoolean()) return explicit.asBoolean();
        return nonEmpty(rule.path(allow)) || nonEmpty(rule.path(deny));
    }

    /** Pod-facing labels of a Cilium selector: {@code k8s:app} and {@code any:app} both mean {@code app}. */
    static ObjectNode normalise(JsonNode selector) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode labels = out.putObject("matchLabels");
        Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.set(normaliseKey(e.getKey()), e.getValue());
        }
        var expressions = out.putArray("matchExpressions");
        for (JsonNode expr : selector.path("matchExpressions")) {
            ObjectNode copy = expr.deepCopy();
            copy.put("key", normaliseKey(expr.path("key").asText()));
            expressions.add(copy);
        }
        return out;
    }

    private static String normaliseKey(String key) {
        if (key.startsWith("k8s:")) return key.substring(4);
        if (key.startsWith("any:")) return key.substring(4);
        return key;
    }

    /** Whether the pods of a workload fall under this unit. */
    boolean selects(PodSelection.Pods pods) {
        if (namespace != null && !namespace.equals(pods.namespace())) return false;
        return LabelSelector.selects(selector, cilium ? pods.ciliumLabels() : pods.labels());
    }

    /**
     * Whether a cluster-wide unit selects every pod of a namespace: its selector constrains nothing but the
     * namespace (an empty selector, or one on {@value #CILIUM_NAMESPACE_LABEL}) and accepts this one.
     */
    boolean selectsWholeNamespace(String ns) {
        if (namespace != null) return namespace.equals(ns) && isEmptySelector();
        Iterator<String> keys = selector.path("matchLabels").fieldNames();
        while (keys.hasNext()) {
            if (!CILIUM_NAMESPACE_LABEL.equals(keys.next())) return false;
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            if (!CILIUM_NAMESPACE_LABEL.equals(expr.path("key").asText())) return false;
        }
        return LabelSelector.selects(selector, JsonNodeFactory.instance.objectNode().put(CILIUM_NAMESPACE_LABEL, ns));
    }

    boolean isEmptySelector() {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    boolean isolates() {
        return isolatesIngress || isolatesEgress;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) return true;
        }
        return false;
    }

    private static boolean nonEmpty(JsonNode node) {
        return node.isArray() && !node.isEmpty();
    }
}
