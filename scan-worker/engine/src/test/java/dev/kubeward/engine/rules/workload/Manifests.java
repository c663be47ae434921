package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.io.UncheckedIOException;
import java.util.Arrays;

/** Builds small snapshots from JSON written with single quotes. */
final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    static KubeObject object(String singleQuotedJson) {
        try {
            return KubeObject.of(JSON.readTree(singleQuotedJson.replace('\'', '"')));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleContext context(ClusterInfo.Provider provider, KubeObject... objects) {
        return new RuleContext(new SnapshotIndex(new Snapshot(new ClusterInfo(provider, null, 1), Arrays.asList(objects))),
                ControlInputs.defaults());
    }

    static RuleContext context(KubeObject... objects) {
        return context(ClusterInfo.Provider.UNKNOWN, objects);
    }
}
