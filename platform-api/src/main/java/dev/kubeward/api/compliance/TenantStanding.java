package dev.kubeward.api.compliance;

import dev.kubeward.engine.catalog.ControlDefinition;

import java.util.List;

/**
 * The tenant's compliance at a glance: every framework (its clusters' mean, lowest and highest score, not the list of
 * them), what to fix first in one, and the controls failing most.
 */
public record TenantStanding(List<FrameworkSummary> frameworks, FixFirst fixFirst, List<FailingControl> topFailing) {

    /** A control with its failed resources summed over the clusters' last scans. */
    public record FailingControl(String controlId, ControlDefinition definition, long failed) {
        public String name() {
            return definition.name();
        }

        public String severity() {
            return definition.severity().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
