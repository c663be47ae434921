package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Services that Ingresses and Gateway API routes send traffic to, with the path of each reference. */
final class Backends {

    /** Gateway API route kinds whose rules carry {@code backendRefs}. */
    static final Set<String> ROUTE_KINDS = Set.of("HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute", "TLSRoute");

    private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private Backends() {
    }

    /** A reference to a Service by name and namespace, found at {@code path} in the referring object. */
    record ServiceRef(String namespace, String name, String path) {
    }

    /**
     * Service backends of an Ingress: every rule path and the default backend, in both the
     * networking.k8s.io/v1 ({@code service.name}) and the older ({@code serviceName}) spelling. Resource
     * backends are not Services and are left out.
     */
    static List<ServiceRef> ofIngress(KubeObject ingress) {
        String ns = PodSelection.namespaceOf(ingress);
        List<ServiceRef> out = new ArrayList<>();
        JsonNode rules = ingress.spec().path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode paths = rules.get(i).path("http").path("paths");
            for (int j = 0; j < paths.size(); j++) {
                String prefix = "spec.rules[" + i + "].http.paths[" + j + "].backend";
                ingressBackend(paths.get(j).path("backend"), ns, prefix).ifPresent(out::add);
            }
        }
        ingressBackend(ingress.spec().path("defaultBackend"), ns, "spec.defaultBackend").ifPresent(out::add);
        ingressBackend(ingress.spec().path("backend"), ns, "spec.backend").ifPresent(out::add);
        return out;
    }

    private static Optional<ServiceRef> ingressBackend(JsonNode backend, String ns, String prefix) {
        String v1 = backend.path("service").path("name").asText("");
        if (!v1.isEmpty()) return Optional.of(new ServiceRef(ns, v1, prefix + ".service.name"));
        String beta = backend.path("serviceName").asText("");
        if (!beta.isEmpty()) return Optional.of(new ServiceRef(ns, beta, prefix + ".serviceName"));
        return Optional.empty();
    }

    /**
     * Service backends of a Gateway API route. A backendRef is a Service unless its kind or group say
     * otherwise (kind defaults to Service, group to core); its namespace defaults to the route's.
     */
    static List<ServiceRef> ofRoute(KubeObject route) {
        String ns = PodSelection.namespaceOf(route);
        List<ServiceRef> out = new ArrayList<>();
        JsonNode rules = route.spec().path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode refs = rules.get(i).path("backendRefs");
            for (int j = 0; j < refs.size(); j++) {
                JsonNode ref = refs.get(j);
                String kind = ref.path("kind").asText("Service");
                String group = ref.path("group").asText("");
                if (!"Service".equals(kind) || !(group.isEmpty() || "core".equals(group))) continue;
                String name = ref.path("name").asText("");
                if (name.isEmpty()) continue;
                out.add(new ServiceRef(ref.path("namespace").asText(ns), name, "spec.rules[" + i + "].backendRefs[" + j + "].name"));
            }
        }
        return out;
    }

    /** The referenced Service, if it is in the snapshot (a Service without namespace counts as in default). */
    static Optional<KubeObject> find(SnapshotIndex index, ServiceRef ref) {
        return index.ofKindInNamespace("Service", ref.namespace()).stream()
                .filter(s -> ref.name().equals(s.name()))
                .findFirst();
    }

    /**
     * Whether a route may send traffic to a Service: always in its own namespace, and across namespaces only
     * when a ReferenceGrant in the Service's namespace allows routes of that kind from the route's namespace.
     */
    static boolean permitted(SnapshotIndex index, KubeObject route, ServiceRef ref) {
        String from = PodSelection.namespaceOf(route);
        if (from.equals(ref.namespace())) return true;
        for (KubeObject grant : index.ofKindInNamespace("ReferenceGrant", ref.namespace())) {
            if (grants(grant.spec().path("from"), route.kind(), from) && allowsService(grant.spec().path("to"), ref.name())) {
                return true;
            }
        }
        return false;
    }

    private static boolean grants(JsonNode froms, String kind, String namespace) {
        for (JsonNode f : froms) {
            if (GATEWAY_GROUP.equals(f.path("group").asText()) && kind.equals(f.path("kind").asText())
                    && namespace.equals(f.path("namespace").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowsService(JsonNode tos, String name) {
        for (JsonNode t : tos) {
            if (!t.path("group").asText("").isEmpty() || !"Service".equals(t.path("kind").asText())) continue;
            String only = t.path("name").asText("");
            if (only.isEmpty() || only.equals(name)) return true;
        }
        return false;
    }
}
