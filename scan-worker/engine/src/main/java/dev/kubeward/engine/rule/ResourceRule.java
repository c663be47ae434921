package dev.kubeward.engine.rule;

import dev.kubeward.engine.model.KubeObject;

import java.util.List;
import java.util.Set;

/**
 * A rule that judges each object of the kinds it matches; cross-resource rules look related objects up
 * in {@link RuleContext#index()}. Every matching object is "evaluated": it passes unless a violation is
 * returned for it. Pods owned by a controller in the snapshot are not offered: their owner is judged.
 */
public non-sealed interface ResourceRule extends Rule {

    /** Kinds this rule applies to, e.g. {@link dev.kubeward.engine.snapshot.SnapshotIndex#WORKLOAD_KINDS}. */
    Set<String> kinds();

    /**
     * Whether this object of a matched kind is judged at all (e.g. a namespace selector); objects it declines are
     * neither passed nor failed. All of them by default.
     */
    default boolean appliesTo(KubeObject object, RuleContext ctx) {
        return true;
    }

    /**
     * Violations of this object; empty when it passes. A violation may name another object (its owner).
     * Throw {@link ObjectSkipped} to leave the object unjudged, with a reason.
     */
    List<Violation> check(KubeObject object, RuleContext ctx);
}
