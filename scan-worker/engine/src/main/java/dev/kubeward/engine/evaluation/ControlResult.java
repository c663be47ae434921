package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.model.ObjectRef;

import java.util.ArrayList;
import java.util.List;

/**
 * A control over a snapshot: its status, a detailed result per failed resource, and the identities of the
 * passed ones. Passed resources are kept as bare references — on a 100k-object cluster there are millions
 * of them across controls, and nothing but reports listing passes needs more than their identity.
 */
public record ControlResult(ControlDefinition control, ControlStatus status, List<ResourceResult> failed, List<ObjectRef> passed,
                            List<Excepted> excepted, String note) {

    /** A failure whose risk was accepted: counts as passed in scores and is shown as excepted, with the reason. */
    public record Excepted(ResourceResult result, String exception, String reason) {
    }

    public ControlResult {
        failed = List.copyOf(failed);
        passed = List.copyOf(passed);
        excepted = List.copyOf(excepted);
    }

    public ControlResult(ControlDefinition control, ControlStatus status, List<ResourceResult> failed, List<ObjectRef> passed, String note) {
        this(control, status, failed, passed, List.of(), note);
    }

    /** A control with nothing evaluated (not applicable, needs external data, manual, not evaluated). */
    public static ControlResult withoutResources(ControlDefinition control, ControlStatus status, String note) {
        return new ControlResult(control, status, List.of(), List.of(), note);
    }

    public long exceptedCount() {
        return excepted.size();
    }

    public long failedCount() {
        return failed.size();
    }

    public long passedCount() {
        return passed.size();
    }

    public long evaluatedCount() {
        return failed.size() + passed.size() + excepted.size();
    }

    /** Failed results first, then passed ones (built on demand). */
    public List<ResourceResult> resources() {
        List<ResourceResult> all = new ArrayList<>(failed);
        passed.forEach(ref -> all.add(ResourceResult.passed(ref)));
        return all;
    }
}
