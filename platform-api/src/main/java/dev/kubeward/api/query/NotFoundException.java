package dev.kubeward.api.query;

/** An id that does not exist for the current tenant (another tenant's ids read the same: 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
