package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0245 (AKS): external traffic should reach workloads only through an Azure Application Gateway that
 * terminates TLS, in front of an internal load balancer. So NodePort Services and public LoadBalancer
 * Services fail; once an internal load balancer exists, each Ingress must declare TLS and use the
 * Application Gateway class. ClusterIP Services are not reachable from outside and are not judged
 * (Kubescape fails every Service that is not a LoadBalancer). Not judged on clusters known to run elsewhere.
 */
final class AzureLoadBalancerTraffic implements ResourceRule {

    private static final String INTERNAL = "service.beta.kubernetes.io/azure-load-balancer-internal";
    private static final String CLASS = "kubernetes.io/ingress.class";
    private static final Set<String> APPLICATION_GATEWAY = Set.of("azure/application-gateway", "azure-application-gateway");

    @Override
    public String name() {
        return "encrypt-traffic-to-https-load-balancers-with-tls-certificates";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Service", "Ingress");
    }

    @Override
    public List<Violation> check(KubeObject object, RuleContext ctx) {
        Provider provider = ctx.cluster().provider();
        if (provider != Provider.UNKNOWN && provider != Provider.AKS) return List.of();
        return "Service".equals(object.kind()) ? checkService(object) : checkIngress(object, ctx);
    }

    private static List<Violation> checkService(KubeObject service) {
        String type = service.spec().path("type").asText("ClusterIP");
        if ("NodePort".equals(type)) {
            return List.of(Violation.on(service)
                    .message("NodePort Service " + service.name() + " exposes traffic without a TLS-terminating load balancer")
                    .failed("spec.type").fix("spec.type", "LoadBalancer").build());
        }
        if ("LoadBalancer".equals(type) && !isInternal(service)) {
            String path = "metadata.annotations[" + INTERNAL + "]";
            return List.of(Violation.on(service)
                    .message("LoadBalancer Service " + service.name() + " is not an internal Azure load balancer")
                    .fix(path, "true").build());
        }
        return List.of();
    }

    private static List<Violation> checkIngress(KubeObject ingress, RuleContext ctx) {
        boolean internalLoadBalancer = ctx.index().ofKind("Service").stream()
                .anyMatch(s -> "LoadBalancer".equals(s.spec().path("type").asText()) && isInternal(s));
        if (!internalLoadBalancer) return List.of();
        if (ingress.spec().path("tls").isEmpty()) {
            return List.of(Violation.on(ingress).message("Ingress " + ingress.name() + " has no TLS definition")
                    .failed("spec.tls").build());
        }
        String annotation = ingress.annotations().path(CLASS).asText("");
        String className = annotation.isEmpty() ? ingress.spec().path("ingressClassName").asText("") : annotation;
        if (!className.isEmpty() && !APPLICATION_GATEWAY.contains(className)) {
            String path = annotation.isEmpty() ? "spec.ingressClassName" : "metadata.annotations[" + CLASS + "]";
            return List.of(Violation.on(ingress)
                    .message("Ingress " + ingress.name() + " is not served by the Azure Application Gateway")
                    .fix(path, annotation.isEmpty() ? "azure-application-gateway" : "azure/application-gateway").build());
        }
        return List.of();
    }

    private static boolean isInternal(KubeObject service) {
        return "true".equals(service.annotations().path(INTERNAL).asText());
    }
}
