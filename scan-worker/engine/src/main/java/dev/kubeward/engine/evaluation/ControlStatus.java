package dev.kubeward.engine.evaluation;

/** Outcome of a control on a snapshot. */
public enum ControlStatus {
    FAILED("failed"),
    PASSED("passed"),
    /** No resource of the kinds the control applies to (or a managed cloud hides them). */
    NOT_APPLICABLE("not-applicable"),
    /** Needs host, cloud-provider or image-scan data the Kubernetes API does not give — never silently passed. */
    REQUIRES_EXTERNAL_DATA("requires host / cloud data"),
    /** Needs a human to check. */
    MANUAL("manual review"),
    /** In the catalogue but no rule of ours implements it yet — shown as such, never as passed. */
    NOT_EVALUATED("not evaluated");

    private final String label;

    ControlStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts in a compliance score. */
    public boolean scored() {
        return this == FAILED || this == PASSED;
    }
}
