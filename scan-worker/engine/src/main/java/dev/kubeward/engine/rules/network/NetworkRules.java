package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/**
 * Network exposure and segmentation: network policies (Kubernetes and Cilium), Services, Ingresses,
 * Gateway API routes and Istio routing, and TLS on the way in.
 */
public final class NetworkRules {

    private NetworkRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new IngressAndEgressBlocked(),
                new NamespaceWithoutNetworkPolicy(),
                new WorkloadWithoutNetworkPolicy(),
                new DanglingNetworkPolicy(),
                new ServiceWithNoWorkload(),
                new DanglingIngressBackend(),
                new DanglingGatewayBackend(),
                new ExposedToInternet(),
                new ExposedViaGatewayApi(),
                new ExposedViaIstio(),
                new ExposedSensitiveInterface(),
                new IngressWithoutTls(),
                new AwsLoadBalancerWithoutTls(),
                new AzureLoadBalancerTraffic());
    }
}
