package dev.kubeward.worker.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the staged chunks of a snapshot (already verified when they arrived) into the engine's
 * {@link Snapshot}. Secrets lose {@code data} and {@code stringData} here as well: the agent strips them, but
 * values must never reach the database even from a misbehaving agent.
 */
public final class SnapshotAssembler {

    private SnapshotAssembler() {
    }

    public static AssembledSnapshot assemble(List<byte[]> chunks) {
        if (chunks.isEmpty()) throw new IllegalArgumentException("a snapshot has at least one chunk");
        List<KubeObject> objects = new ArrayList<>();
        SnapshotChunk last = null;
        for (byte[] bytes : chunks) {
            SnapshotChunk chunk = ChunkCodec.decode(bytes);
            for (JsonNode o : chunk.objects()) {
                if (o.isObject() && o.hasNonNull("kind")) objects.add(KubeObject.of(withoutSecretValues(o)));
            }
            last = chunk;
        }
        ClusterMetadata meta = last.cluster();
        ClusterInfo info = meta == null ? ClusterInfo.UNKNOWN
                : new ClusterInfo(provider(meta.provider()), meta.kubernetesVersion(), meta.nodeCount());
        return new AssembledSnapshot(new Snapshot(info, List.copyOf(objects)), meta, last.agentVersion(), last.collectedAt());
    }

    /** Maps the agent's provider id (eks, aks, gke, openshift, k3s, onprem) to the engine's; unknown otherwise. */
    public static ClusterInfo.Provider provider(String id) {
        if (id == null || id.isBlank()) return ClusterInfo.Provider.UNKNOWN;
        String normalized = id.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (ClusterInfo.Provider p : ClusterInfo.Provider.values()) {
            if (p.name().equals(normalized)) return p;
        }
        return ClusterInfo.Provider.UNKNOWN;
    }

    static JsonNode withoutSecretValues(JsonNode o) {
        if (!"Secret".equals(o.path("kind").asText()) || !(o instanceof ObjectNode obj)) return o;
        if (!obj.has("data") && !obj.has("stringData")) return o;
        ObjectNode copy = obj.deepCopy();
        copy.remove("data");
        copy.remove("stringData");
        return copy;
    }
}
