package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.ClusterInfo.Provider;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0231 (EKS): a LoadBalancer Service listening on 443 without an ACM certificate annotation, so the AWS
 * load balancer does not terminate TLS. Not judged on clusters known to run elsewhere.
 */
final class AwsLoadBalancerWithoutTls implements ResourceRule {

    private static final String CERT = "service.beta.kubernetes.io/aws-load-balancer-ssl-cert";
    private static final String PATH = "metadata.annotations['" + CERT + "']";

    @Override
    public String name() {
        return "ensure-https-loadbalancers-encrypted-with-tls-aws";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Service");
    }

    @Override
    public List<Violation> check(KubeObject service, RuleContext ctx) {
        Provider provider = ctx.cluster().provider();
        if (provider != Provider.UNKNOWN && provider != Provider.EKS) return List.of();
        if (!"LoadBalancer".equals(service.spec().path("type").asText())) return List.of();
        boolean https = false;
        for (JsonNode port : service.spec().path("ports")) https |= port.path("port").asInt() == 443;
        if (!https) return List.of();
        var names = service.annotations().fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(CERT)) return List.of();
        }
        return List.of(Violation.on(service)
                .message("LoadBalancer Service " + service.name() + " serves port 443 without a TLS certificate")
                .failed(PATH)
                .fix(PATH, "AWS_LOADBALANCER_SSL_CERT")
                .build());
    }
}
