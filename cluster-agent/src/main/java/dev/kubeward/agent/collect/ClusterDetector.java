package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ClusterMetadata;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the cloud and distribution of a cluster from what any reader of nodes can see: the node
 * {@code spec.providerID} scheme, well-known node labels and annotations, and the version string.
 * Nodes are fed one by one ({@link Accumulator}), so a 5,000-node cluster is never held at once.
 *
 * <p>NB: a distribution marker (EKS node-group label, {@code -eks-} in the version, ...) outranks the bare
 * cloud of a providerID: a cluster on AWS nodes without EKS markers (kops, kubeadm) is reported with
 * provider {@code eks} for its cloud-specific controls, but its distribution says "Kubernetes on AWS".
 * OpenShift and k3s outrank the cloud: ROSA or ARO are OpenShift first.
 */
public final class ClusterDetector {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private enum Signal { OPENSHIFT, K3S, RKE2, EKS, AWS, AKS, AZURE, GKE, GCE, KIND, MINIKUBE }

    private ClusterDetector() {
    }

    public static Accumulator accumulator() {
        return new Accumulator();
    }

    /** Detection over nodes at hand (file mode); {@code serverVersion} may be null. */
    public static ClusterMetadata detect(String serverVersion, Iterable<? extends JsonNode> nodes) {
        Accumulator a = new Accumulator();
        for (JsonNode n : nodes) {
            if ("Node".equals(n.path("kind").asText("Node"))) a.add(n);
        }
        return a.result(serverVersion);
    }

    /** Collects signals node by node. */
    public static final class Accumulator {
        private final Set<Signal> signals = EnumSet.noneOf(Signal.class);
        private int nodes;
        private String highestKubelet;

        private Accumulator() {
        }

        public void add(JsonNode node) {
            nodes++;
            String providerId = node.path("spec").path("providerID").asText("");
            if (providerId.startsWith("aws://")) signals.add(Signal.AWS);
            if (providerId.startsWith("azure://")) signals.add(Signal.AZURE);
            if (providerId.startsWith("gce://")) signals.add(Signal.GCE);
            if (providerId.startsWith("k3s://")) signals.add(Signal.K3S);
            if (providerId.startsWith("kind://")) signals.add(Signal.KIND);
            JsonNode labels = node.path("metadata").path("labels");
            keys(labels, node.path("metadata").path("annotations"));
            if ("k3s".equals(labels.path("node.kubernetes.io/instance-type").asText())
                    || "k3s".equals(labels.path("beta.kubernetes.io/instance-type").asText())) {
                signals.add(Signal.K3S);
            }
            String kubelet = node.path("status").path("nodeInfo").path("kubeletVersion").asText("");
            version(kubelet);
            if (!kubelet.isEmpty() && (highestKubelet == null || VERSION_ORDER.compare(kubelet, highestKubelet) > 0)) {
                highestKubelet = kubelet;
            }
        }

        private void keys(JsonNode labels, JsonNode annotations) {
            for (JsonNode map : new JsonNode[] {labels, annotations}) {
                for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (key.startsWith("node.openshift.io/")) signals.add(Signal.OPENSHIFT);
                    else if (key.startsWith("k3s.io/")) signals.add(Signal.K3S);
                    else if (key.startsWith("rke2.io/")) signals.add(Signal.RKE2);
                    else if (key.startsWith("eks.amazonaws.com/")) signals.add(Signal.EKS);
                    else if (key.startsWith("kubernetes.azure.com/")) signals.add(Signal.AKS);
                    else if (key.startsWith("cloud.google.com/gke-")) signals.add(Signal.GKE);
                    else if (key.startsWith("minikube.k8s.io/")) signals.add(Signal.MINIKUBE);
                }
            }
        }

        private void version(String v) {
            if (v.contains("-eks-")) signals.add(Signal.EKS);
            if (v.contains("-gke.")) signals.add(Signal.GKE);
            if (v.contains("+k3s")) signals.add(Signal.K3S);
            if (v.contains("+rke2")) signals.add(Signal.RKE2);
        }

        public ClusterMetadata result(String serverVersion) {
            if (serverVersion != null) version(serverVersion);
            String k8s = serverVersion != null && !serverVersion.isBlank() ? serverVersion
                    : highestKubelet != null ? highestKubelet : "unknown";
            String minor = minor(k8s);
            String provider;
            String distribution;
            if (has(Signal.OPENSHIFT)) {
                provider = "openshift";
                distribution = "OpenShift" + minor;
            } else if (has(Signal.K3S)) {
                provider = "k3s";
                distribution = "k3s" + minor;
            } else if (has(Signal.EKS) || has(Signal.AWS)) {
                provider = "eks";
                distribution = has(Signal.EKS) ? "EKS" + minor : "Kubernetes" + minor + " on AWS";
            } else if (has(Signal.AKS) || has(Signal.AZURE)) {
                provider = "aks";
                distribution = has(Signal.AKS) ? "AKS" + minor : "Kubernetes" + minor + " on Azure";
            } else if (has(Signal.GKE) || has(Signal.GCE)) {
                provider = "gke";
                distribution = has(Signal.GKE) ? "GKE" + minor : "Kubernetes" + minor + " on Google Cloud";
            } else {
                provider = "onprem";
                String flavour = has(Signal.RKE2) ? "RKE2" : has(Signal.KIND) ? "kind" : has(Signal.MINIKUBE) ? "minikube" : "Kubernetes";
                distribution = flavour + minor;
            }
            return new ClusterMetadata(provider, distribution, k8s, nodes);
        }

        private boolean has(Signal s) {
            return signals.contains(s);
        }
    }

    /** " 1.29" from "v1.29.4-eks-036c24b", or "" when the version is unknown. */
    private static String minor(String version) {
        Matcher m = VERSION.matcher(version);
        return m.find() ? " " + m.group(1) + "." + m.group(2) : "";
    }

    private static final Comparator<String> VERSION_ORDER = Comparator
            .comparingInt((String v) -> part(v, 1)).thenComparingInt(v -> part(v, 2)).thenComparingInt(v -> part(v, 3));

    private static int part(String version, int group) {
        Matcher m = VERSION.matcher(version);
        if (!m.find() || m.group(group) == null) return -1;
        return Integer.parseInt(m.group(group));
    }
}
