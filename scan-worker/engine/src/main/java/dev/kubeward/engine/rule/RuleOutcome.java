package dev.kubeward.engine.rule;

import dev.kubeward.engine.model.ObjectRef;

import java.util.List;
import java.util.Collection;

/** What a snapshot rule looked at and what failed; failed resources count as evaluated too. */
public record RuleOutcome(Collection<ObjectRef> evaluated, List<Violation> violations) {
}
