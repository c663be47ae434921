package dev.kubeward.engine.rules.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngressAndEgressBlockedTest {

    private static final String POD = """
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {containers: [{name: c, image: i}]}
            """;

    private final IngressAndEgressBlocked rule = new IngressAndEgressBlocked();

    @Test
    void podSelectedOnlyByAnEgressPolicyStillAcceptsAnyIngress() {
        var ctx = Yaml.context(POD, """
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Egress]}
                """);
        assertThat(Yaml.failed(rule, ctx)).containsExactly("api");
    }

    @Test
    void directionsMayComeFromDifferentPolicies() {
        var ctx = Yaml.context(POD, """
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: shop}
                spec: {podSelector: {matchLabels: {app: api}}}
                """, """
                kind: CiliumNetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec: {endpointSelector: {}, egress: [{toEndpoints: [{}]}]}
                """);
        assertThat(Yaml.failed(rule, ctx)).isEmpty();
    }

    @Test
    void policySelectsByTemplateLabelsNotByWorkloadLabels() {
        var ctx = Yaml.context("""
                kind: Deployment
                metadata: {name: api, namespace: shop, labels: {app: api}}
                spec: {template: {metadata: {labels: {app: other}}, spec: {containers: [{name: c, image: i}]}}}
                """, """
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress, Egress]}
                """);
        assertThat(Yaml.failed(rule, ctx)).containsExactly("api");
    }
}
