package dev.kubeward.engine.evaluation;

import dev.kubeward.engine.model.ClusterInfo;

import java.util.List;
import java.util.Optional;

/** Everything one evaluation produced: per-control results and what was skipped. */
public record ScanResult(ClusterInfo cluster, int objectCount, List<ControlResult> controls, List<SkippedInput> skipped) {

    public Optional<ControlResult> control(String id) {
        return controls.stream().filter(c -> c.control().id().equals(id)).findFirst();
    }
}
