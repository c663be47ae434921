package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Where a snapshot's objects come from: the Kubernetes API (in-cluster or kubeconfig) or manifest files.
 * Objects are handed over one by one, already sanitized, in the wire contract's stable order
 * (cluster-scoped first, then by namespace), so no source needs the whole cluster in memory.
 */
public interface ObjectSource {

    /** Streams every object to {@code sink}; returns how many were sent. */
    int collect(Consumer<ObjectNode> sink);
}
