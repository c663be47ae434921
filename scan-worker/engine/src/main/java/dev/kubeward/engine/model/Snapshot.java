package dev.kubeward.engine.model;

import java.util.List;

/** The objects of one cluster at one moment, plus what is known of the cluster itself. */
public record Snapshot(ClusterInfo cluster, List<KubeObject> objects) {

    public static Snapshot of(List<KubeObject> objects) {
        return new Snapshot(ClusterInfo.UNKNOWN, objects);
    }
}
