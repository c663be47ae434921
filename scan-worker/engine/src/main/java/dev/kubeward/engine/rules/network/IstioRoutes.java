package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.LabelSelector;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Istio ingress as the mesh wires it: VirtualService → Gateway → the Service in front of the gateway pods. */
final class IstioRoutes {

    private static final String ISTIO_GROUP = "networking.istio.io";

    private IstioRoutes() {
    }

    static boolean isIstio(KubeObject o) {
        return ISTIO_GROUP.equals(o.ref().group());
    }

    /**
     * Gateways a VirtualService is bound to: {@code ns/name}, or a bare name in the VirtualService's own
     * namespace. The reserved {@code mesh} gateway means the sidecars, not an ingress.
     */
    static List<KubeObject> gateways(SnapshotIndex index, KubeObject virtualService) {
        String vsNamespace = PodSelection.namespaceOf(virtualService);
        List<KubeObject> out = new ArrayList<>();
        for (JsonNode g : virtualService.spec().path("gateways")) {
            String ref = g.asText();
            if (ref.equals("mesh")) continue;
            int slash = ref.indexOf('/');
            String ns = slash < 0 ? vsNamespace : ref.substring(0, slash);
            String name = slash < 0 ? ref : ref.substring(slash + 1);
            index.ofKindInNamespace("Gateway", ns).stream()
                    .filter(gw -> isIstio(gw) && name.equals(gw.name()))
                    .findFirst().ifPresent(out::add);
        }
        return out;
    }

    /**
     * The NodePort or LoadBalancer Service that exposes a Gateway's pods, if any: one that selects a workload
     * whose pods the gateway selector matches, or one that can only select gateway pods (its selector
     * includes the gateway selector), or — the convention of Istio's charts — one labelled like them.
     */
    static Optional<KubeObject> publicService(SnapshotIndex index, KubeObject gateway) {
        JsonNode selector = gateway.spec().path("selector");
        if (selector.isEmpty()) return Optional.empty();
        PodSelection selection = PodSelection.of(index);
        for (KubeObject service : index.ofKind("Service")) {
            if (!Exposure.isExternal(service)) continue;
            if (LabelSelector.mapSelects(selector, service.spec().path("selector"))
                    || LabelSelector.mapSelects(selector, service.labels())) {
                return Optional.of(service);
            }
            for (KubeObject w : selection.workloadsSelectedBy(service)) {
                if (selection.pods(w).filter(p -> LabelSelector.mapSelects(selector, p.labels())).isPresent()) {
                    return Optional.of(service);
                }
            }
        }
        return Optional.empty();
    }

    /** A route destination of a VirtualService resolved to a Service name and namespace. */
    record Destination(String namespace, String name, String path) {
    }

    /**
     * Destinations of the http, tcp and tls routes that name an in-cluster Service: {@code svc},
     * {@code svc.ns}, {@code svc.ns.svc} or {@code svc.ns.svc.cluster.local}. External hosts are left out.
     */
    static List<Destination> destinations(KubeObject virtualService) {
        String vsNamespace = PodSelection.namespaceOf(virtualService);
        List<Destination> out = new ArrayList<>();
        for (String protocol : List.of("http", "tcp", "tls")) {
            JsonNode routes = virtualService.spec().path(protocol);
            for (int i = 0; i < routes.size(); i++) {
                JsonNode route = routes.get(i).path("route");
                for (int j = 0; j < route.size(); j++) {
                    String host = route.get(j).path("destination").path("host").asText("");
                    String path = "spec." + protocol + "[" + i + "].route[" + j + "].destination.host";
                    resolve(host, vsNamespace).map(e -> new Destination(e.getValue(), e.getKey(), path)).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static Optional<Map.Entry<String, String>> resolve(String host, String defaultNamespace) {
        if (host.isEmpty() || host.contains("*")) return Optional.empty();
        String[] parts = host.split("\\.");
        if (parts.length == 1) return Optional.of(Map.entry(parts[0], defaultNamespace));
        if (parts.length == 2) return Optional.of(Map.entry(parts[0], parts[1]));
        if ("svc".equals(parts[2])) return Optional.of(Map.entry(parts[0], parts[1]));
        return Optional.empty();
    }
}
