package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.PodTemplate;

/** How a Service reaches outside the cluster and whether it reaches a given workload's pods. */
final class Exposure {

    private Exposure() {
    }

    /** NodePort and LoadBalancer Services open a port on every node or on a cloud load balancer. */
    static boolean isExternal(KubeObject service) {
        String type = service.spec().path("type").asText("ClusterIP");
        return "NodePort".equals(type) || "LoadBalancer".equals(type);
    }

    /** A LoadBalancer Service the cloud has given an address (IP or hostname) to. */
    static boolean hasLoadBalancerAddress(KubeObject service) {
        for (JsonNode ingress : service.json().path("status").path("loadBalancer").path("ingress")) {
            if (!ingress.path("ip").asText("").isEmpty() || !ingress.path("hostname").asText("").isEmpty()) return true;
        }
        return false;
    }

    /**
     * Whether some port of the Service lands on the pods: a numeric (or omitted) targetPort always does, a
     * named one only when a container of the pod declares a port of that name.
     */
    static boolean reachesPods(KubeObject service, PodTemplate pods) {
        for (JsonNode port : service.spec().path("ports")) {
            JsonNode target = port.path("targetPort");
            if (!target.isTextual() || target.asText().chars().allMatch(Character::isDigit)) return true;
            for (PodTemplate.Container c : pods.containers()) {
                for (JsonNode declared : c.json().path("ports")) {
                    if (target.asText().equals(declared.path("name").asText())) return true;
                }
            }
        }
        return false;
    }
}
