package dev.kubeward.engine.model;

/**
 * What the agent knows about the cluster as a whole. Controls that only make sense on self-managed
 * control planes use {@link #provider()} to answer not-applicable on managed clouds.
 */
public record ClusterInfo(Provider provider, String kubernetesVersion, int nodeCount) {

    public static final ClusterInfo UNKNOWN = new ClusterInfo(Provider.UNKNOWN, null, 0);

    public enum Provider {
        EKS, AKS, GKE, OPENSHIFT, K3S, ONPREM, UNKNOWN;

        /** Managed control plane: its static pods and flags are not visible to us. */
        public boolean managed() {
            return this == EKS || this == AKS || this == GKE;
        }

        public String id() {
            return name().toLowerCase();
        }
    }
}
