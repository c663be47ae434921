package dev.kubeward.api.rbac;

/** A cluster, subject, workload or node the tenant does not have (another tenant's read the same); a 404 problem. */
public class RbacNotFound extends RuntimeException {

    public RbacNotFound(String message) {
        super(message);
    }
}
