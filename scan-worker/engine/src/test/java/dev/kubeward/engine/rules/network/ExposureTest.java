package dev.kubeward.engine.rules.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureTest {

    private static final String WEB = """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
            """;

    @Test
    void namedTargetPortReachesOnlyPodsDeclaringThatPort() {
        String nodePort = """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: %s}]}
                """;
        assertThat(Yaml.failed(new ExposedToInternet(), Yaml.context(WEB, nodePort.formatted("http")))).containsExactly("web");
        assertThat(Yaml.failed(new ExposedToInternet(), Yaml.context(WEB, nodePort.formatted("metrics")))).isEmpty();
    }

    @Test
    void ingressExposesTheWorkloadsOfItsBackendService() {
        var ctx = Yaml.context(WEB, """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
                """, """
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
                """);
        assertThat(Yaml.failed(new ExposedToInternet(), ctx)).containsExactly("web");
    }

    @Test
    void crossNamespaceRouteNeedsAReferenceGrant() {
        String service = """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """;
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r, namespace: edge}
                spec: {rules: [{backendRefs: [{name: web, namespace: shop, port: 80}]}]}
                """;
        String grant = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: g, namespace: shop}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
                  to: [{group: "", kind: Service}]
                """;
        assertThat(Yaml.failed(new ExposedViaGatewayApi(), Yaml.context(WEB, service, route))).isEmpty();
        assertThat(Yaml.failed(new ExposedViaGatewayApi(), Yaml.context(WEB, service, route, grant))).containsExactly("web");
    }

    @Test
    void istioRouteExposesOnlyThroughAGatewayFrontedByAnExternalService() {
        String service = """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """;
        String virtualService = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: shop}
                spec:
                  gateways: [istio-ingress/public, mesh]
                  http: [{route: [{destination: {host: web.shop.svc.cluster.local}}]}]
                """;
        String gateway = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: public, namespace: istio-ingress}
                spec: {selector: {istio: ingressgateway}}
                """;
        String front = """
                kind: Service
                metadata: {name: istio-ingressgateway, namespace: istio-ingress}
                spec: {type: %s, selector: {istio: ingressgateway, app: gw}, ports: [{port: 443}]}
                """;
        assertThat(Yaml.failed(new ExposedViaIstio(), Yaml.context(WEB, service, virtualService, gateway, front.formatted("LoadBalancer"))))
                .containsExactly("web");
        assertThat(Yaml.failed(new ExposedViaIstio(), Yaml.context(WEB, service, virtualService, gateway, front.formatted("ClusterIP"))))
                .isEmpty();
    }
}
