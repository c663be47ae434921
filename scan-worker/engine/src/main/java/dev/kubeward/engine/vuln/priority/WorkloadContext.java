package dev.kubeward.engine.vuln.priority;

/**
 * What our own findings say about the workload running the vulnerable image.
 *
 * @param internetExposed           reachable from outside the cluster (C-0256 semantics)
 * @param privilegedOrHostAccess    privileged, or with host namespaces, host paths or dangerous capabilities
 * @param dangerousServiceAccount   its service account holds dangerous RBAC permissions
 */
public record WorkloadContext(boolean internetExposed, boolean privilegedOrHostAccess,
                              boolean dangerousServiceAccount) {

    public static final WorkloadContext NONE = new WorkloadContext(false, false, false);

    /** Whether a compromise of this workload reaches beyond it. */
    public boolean elevated() {
        return privilegedOrHostAccess || dangerousServiceAccount;
    }
}
