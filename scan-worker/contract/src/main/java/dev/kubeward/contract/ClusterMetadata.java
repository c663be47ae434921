package dev.kubeward.contract;

/**
 * What the agent tells about its cluster with every snapshot. {@code provider} is one of eks, aks, gke,
 * openshift, k3s, onprem; {@code distribution} a finer label (e.g. "EKS 1.29", "k3s").
 */
public record ClusterMetadata(String provider, String distribution, String kubernetesVersion, int nodeCount) {
}
