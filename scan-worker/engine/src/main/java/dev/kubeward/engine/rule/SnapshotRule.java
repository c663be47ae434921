package dev.kubeward.engine.rule;

/**
 * A rule that judges the snapshot as a whole, for results whose subject is not a single object of one kind
 * (RBAC subjects, cluster-level facts such as "no namespace has a network policy").
 */
public non-sealed interface SnapshotRule extends Rule {

    /** The objects this rule evaluated and those of them that failed. */
    RuleOutcome evaluate(RuleContext ctx);
}
