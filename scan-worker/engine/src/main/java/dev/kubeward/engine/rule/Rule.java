package dev.kubeward.engine.rule;

/**
 * One rule of the control library, named as Kubescape names it ({@code rule-privileged-container}), so
 * results can be compared rule by rule with Kubescape's test cases. A control is made of one or more rules.
 * Implement {@link ResourceRule} or {@link SnapshotRule}.
 */
public sealed interface Rule permits ResourceRule, SnapshotRule {

    /** Kubescape's rule name. */
    String name();
}
