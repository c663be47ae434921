package dev.kubeward.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.collect.ManifestFileSource;
import dev.kubeward.api.demo.DemoDefinition.DemoCluster;
import dev.kubeward.api.demo.DemoDefinition.ManifestRef;
import dev.kubeward.api.demo.DemoDefinition.TimelineStep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of a demo cluster on a given day: its base manifests, every timeline step up to that day,
 * and the objects a real API server would add — Nodes (with the provider's providerID and labels, so the
 * cloud is detected as for a real cluster) and Namespaces. Manifests are read by the agent's file mode.
 */
final class DemoClusterState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
            "IngressClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "CustomResourceDefinition", "StorageClass",
            "PriorityClass", "APIService", "RuntimeClass");

    private final DemoCluster cluster;
    private final Path manifests;

    DemoClusterState(DemoCluster cluster, Path manifests) {
        this.cluster = cluster;
        this.manifests = manifests;
    }

    List<ObjectNode> objectsOn(int day) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (ManifestRef ref : cluster.base()) put(objects, read(ref.file(), ref.namespace()));
        for (TimelineStep step : cluster.timeline()) {
            if (step.day() > day) continue;
            if (step.apply() != null) put(objects, read(step.apply(), null));
            if (step.remove() != null) objects.remove(step.remove());
        }
        Set<String> namespaces = new TreeSet<>(List.of("default", "kube-system", "kube-public", "kube-node-lease"));
        objects.values().forEach(o -> {
            String ns = o.path("metadata").path("namespace").asText("");
            if (!ns.isEmpty()) namespaces.add(ns);
        });
        for (String ns : namespaces) {
            ObjectNode n = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
            n.putObject("metadata").put("name", ns).putObject("labels").put("kubernetes.io/metadata.name", ns);
            objects.putIfAbsent(key(n), n);
        }
        for (int i = 0; i < cluster.nodes(); i++) {
            ObjectNode node = node(i);
            objects.put(key(node), node);
        }
        List<ObjectNode> out = new ArrayList<>(objects.values());
        out.sort(ManifestFileSource.STABLE_ORDER);
        return out;
    }

    private List<ObjectNode> read(String file, String namespace) {
        List<ObjectNode> objects = new ManifestFileSource(List.of(manifests.resolve(file))).readAll();
        if (namespace != null) {
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText()) && o.path("metadata").path("namespace").asText("").isEmpty()) {
                    o.with("metadata").put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    private static void put(Map<String, ObjectNode> objects, List<ObjectNode> add) {
        add.forEach(o -> objects.put(key(o), o));
    }

    /** Kind/namespace/name, the identity timeline steps use ("ClusterRoleBinding//name" for cluster-scoped). */
    static String key(ObjectNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText("") + "/" + o.path("metadata").path("name").asText();
    }

    private ObjectNode node(int i) {
        String provider = cluster.provider();
        String name = switch (provider) {
            case "eks" -> "ip-10-0-" + (10 + i) + "-" + (20 + i) + "." + cluster.region() + ".compute.internal";
            case "aks" -> "aks-nodepool1-3141592" + i + "-vmss00000" + i;
            case "gke" -> "gke-" + cluster.name() + "-default-pool-5e1c" + i;
            default -> i == 0 ? "cp-1" : "worker-" + i;
        };
        ObjectNode node = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Node");
        ObjectNode meta = node.putObject("metadata");
        meta.put("name", name);
        ObjectNode labels = meta.putObject("labels");
        labels.put("kubernetes.io/hostname", name).put("kubernetes.io/os", "linux").put("kubernetes.io/arch", "amd64");
        labels.put("topology.kubernetes.io/region", cluster.region());
        String providerId = switch (provider) {
            case "eks" -> {
                labels.put("eks.amazonaws.com/nodegroup", "general-purpose");
                yield "aws:///" + cluster.region() + "a/i-0abc" + i + "def1234567";
            }
            case "aks" -> {
                labels.put("kubernetes.azure.com/cluster", "MC_" + cluster.name() + "_" + cluster.region());
                yield "azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_" + cluster.name()
                        + "/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1/virtualMachines/" + i;
            }
            case "gke" -> {
                labels.put("cloud.google.com/gke-nodepool", "default-pool");
                labels.put("cloud.google.com/gke-os-distribution", "cos");
                yield "gce://globex-payments/" + cluster.region() + "-a/" + name;
            }
            default -> {
                if (i == 0) labels.put("node-role.kubernetes.io/control-plane", "");
                yield null;
            }
        };
        ObjectNode spec = node.putObject("spec");
        if (providerId != null) spec.put("providerID", providerId);
        ObjectNode info = node.putObject("status").putObject("nodeInfo");
        info.put("kubeletVersion", cluster.version());
        info.put("osImage", switch (provider) {
            case "eks" -> "Amazon Linux 2023.5.20240819";
            case "aks" -> "Ubuntu 22.04.4 LTS";
            case "gke" -> "Container-Optimized OS from Google";
            default -> "Ubuntu 22.04.4 LTS";
        });
        info.put("containerRuntimeVersion", "containerd://1.7.20");
        info.put("operatingSystem", "linux");
        return node;
    }
}
