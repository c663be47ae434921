package dev.kubeward.engine.vuln.priority;

/** What to do about a CVE in a workload, most urgent first. */
public enum Bucket {
    ACT_NOW("act now"),
    PLAN("plan"),
    WATCH("watch");

    private final String label;

    Bucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
