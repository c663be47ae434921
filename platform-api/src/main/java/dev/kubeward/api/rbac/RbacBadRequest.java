package dev.kubeward.api.rbac;

/** A parameter the RBAC queries cannot use; answered as a 400 problem. */
public class RbacBadRequest extends RuntimeException {

    public RbacBadRequest(String message) {
        super(message);
    }
}
