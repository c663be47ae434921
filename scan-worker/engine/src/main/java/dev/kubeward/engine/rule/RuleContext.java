package dev.kubeward.engine.rule;

import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.snapshot.SnapshotIndex;

/** What a rule may read besides the object it judges: the whole snapshot, indexed, and the inputs. */
public record RuleContext(SnapshotIndex index, ControlInputs inputs) {

    public ClusterInfo cluster() {
        return index.cluster();
    }
}
