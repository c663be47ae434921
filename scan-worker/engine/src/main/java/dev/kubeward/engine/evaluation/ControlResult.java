package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.catalog.ControlDefinition;

import java.util.List;

/** A control over a snapshot: its status and a result per evaluated resource (failed first). */
public record ControlResult(ControlDefinition control, ControlStatus status, List<ResourceResult> resources, String note) {

    public long failedCount() {
        return resources.stream().filter(ResourceResult::failed).count();
    }

    public long evaluatedCount() {
        return resources.size();
    }

    public long passedCount() {
        return evaluatedCount() - failedCount();
    }

    public List<ResourceResult> failed() {
        return resources.stream().filter(ResourceResult::failed).toList();
    }
}
