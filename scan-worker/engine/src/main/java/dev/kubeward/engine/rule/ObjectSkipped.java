package dev.kubeward.engine.rule;

/**
 * Thrown by a rule that cannot judge an object (a custom control over its cost limit, say): the object is
 * neither passed nor failed, and the scan lists it as skipped with this message as the reason, verbatim.
 */
public class ObjectSkipped extends RuntimeException {

    public ObjectSkipped(String reason) {
        super(reason, null, false, false);
    }
}
