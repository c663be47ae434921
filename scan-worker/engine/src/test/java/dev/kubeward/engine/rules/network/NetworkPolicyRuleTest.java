package dev.kubeward.engine.rules.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkPolicyRuleTest {

    private static NetworkPolicyRule only(String yaml) {
        List<NetworkPolicyRule> rules = NetworkPolicyRule.of(Yaml.object(yaml));
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    @Test
    void policyWithoutTypesIsolatesIngressOnlyUnlessItHasEgressRules() {
        NetworkPolicyRule ingressOnly = only("""
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec: {podSelector: {}, ingress: [{}]}
                """);
        NetworkPolicyRule both = only("""
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]}
                """);
        assertThat(ingressOnly.isolatesIngress()).isTrue();
        assertThat(ingressOnly.isolatesEgress()).isFalse();
        assertThat(both.isolatesIngress()).isTrue();
        assertThat(both.isolatesEgress()).isTrue();
    }

    @Test
    void explicitPolicyTypesWinOverDefaulting() {
        NetworkPolicyRule egressOnly = only("""
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec: {podSelector: {}, policyTypes: [Egress], ingress: [{}]}
                """);
        assertThat(egressOnly.isolatesIngress()).isFalse();
        assertThat(egressOnly.isolatesEgress()).isTrue();
    }

    @Test
    void policyWithoutNamespaceSelectsPodsOfDefault() {
        NetworkPolicyRule policy = only("""
                kind: NetworkPolicy
                metadata: {name: p}
                spec: {podSelector: {matchLabels: {app: web}}}
                """);
        PodSelection selection = PodSelection.of(Yaml.context().index());
        var inDefault = selection.pods(Yaml.object("""
                kind: Deployment
                metadata: {name: web}
                spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}
                """)).orElseThrow();
        var elsewhere = selection.pods(Yaml.object("""
                kind: Deployment
                metadata: {name: web, namespace: other}
                spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}
                """)).orElseThrow();
        assertThat(policy.selects(inDefault)).isTrue();
        assertThat(policy.selects(elsewhere)).isFalse();
    }

    @Test
    void ciliumRuleIsolatesOnlyTheDirectionsItHasRulesForUnlessDefaultDenyIsTurnedOff() {
        List<NetworkPolicyRule> rules = NetworkPolicyRule.of(Yaml.object("""
                kind: CiliumNetworkPolicy
                metadata: {name: p, namespace: a}
                specs:
                  - endpointSelector: {}
                    egress: [{toEndpoints: [{}]}]
                  - endpointSelector: {}
                    ingress: [{fromEndpoints: [{}]}]
                    enableDefaultDeny: {ingress: false}
                  - nodeSelector: {}
                    ingress: [{}]
                """));
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).isolatesEgress()).isTrue();
        assertThat(rules.get(0).isolatesIngress()).isFalse();
        assertThat(rules.get(1).isolatesIngress()).isFalse();
    }

    @Test
    void ciliumSelectorsMatchSourcePrefixedLabelsAndThePodNamespace() {
        NetworkPolicyRule rule = NetworkPolicyRule.of(Yaml.object("""
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: p}
                spec:
                  endpointSelector:
                    matchLabels: {"k8s:app": web, "k8s:io.kubernetes.pod.namespace": shop}
                  ingress: [{}]
                """)).get(0);
        PodSelection selection = PodSelection.of(Yaml.context().index());
        var shop = selection.pods(Yaml.object("""
                kind: Pod
                metadata: {name: w, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                """)).orElseThrow();
        var other = selection.pods(Yaml.object("""
                kind: Pod
                metadata: {name: w, namespace: other, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                """)).orElseThrow();
        assertThat(rule.selects(shop)).isTrue();
        assertThat(rule.selects(other)).isFalse();
    }

    @Test
    void clusterwideRuleCoversAWholeNamespaceOnlyWhenItConstrainsNothingButTheNamespace() {
        NetworkPolicyRule allButKubeSystem = NetworkPolicyRule.of(Yaml.object("""
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: p}
                spec:
                  endpointSelector:
                    matchExpressions: [{key: io.kubernetes.pod.namespace, operator: NotIn, values: [kube-system]}]
                  egress: [{}]
                """)).get(0);
        NetworkPolicyRule frontendsOnly = NetworkPolicyRule.of(Yaml.object("""
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: p}
                spec:
                  endpointSelector:
                    matchExpressions: [{key: role, operator: In, values: [frontend]}]
                  egress: [{}]
                """)).get(0);
        assertThat(allButKubeSystem.selectsWholeNamespace("shop")).isTrue();
        assertThat(allButKubeSystem.selectsWholeNamespace("kube-system")).isFalse();
        assertThat(frontendsOnly.selectsWholeNamespace("shop")).isFalse();
    }
}
