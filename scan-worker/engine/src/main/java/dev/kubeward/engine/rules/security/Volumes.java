package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.ArrayList;
import java.util.List;

/** The volumes of a pod and the container mounts that use them, with their paths. */
final class Volumes {

    private Volumes() {
    }

    /** A volume of the pod: its JSON and {@code spec.volumes[i]}. */
    record Volume(JsonNode json, String path) {
        String name() { return json.path("name").asText(); }
        JsonNode hostPath() { return json.path("hostPath"); }
        boolean isHostPath() { return SecurityContexts.present(hostPath()); }
    }

    /** A container's mount of a volume: its JSON and {@code ...containers[i].volumeMounts[k]}. */
    record Mount(Container container, JsonNode json, String path) {
        boolean readOnly() { return SecurityContexts.isTrue(json.path("readOnly")); }
    }

    static List<Volume> of(PodTemplate pod) {
        List<Volume> out = new ArrayList<>();
        JsonNode vols = pod.volumes();
        for (int i = 0; i < vols.size(); i++) out.add(new Volume(vols.get(i), pod.specPath() + ".volumes[" + i + "]"));
        return out;
    }

    /** Mounts of {@code volume} in every container, init and ephemeral containers included. */
    static List<Mount> mountsOf(PodTemplate pod, Volume volume) {
        List<Mount> out = new ArrayList<>();
        for (Container c : pod.allContainers()) {
            JsonNode mounts = c.json().path("volumeMounts");
            for (int k = 0; k < mounts.size(); k++) {
                if (volume.name().equals(mounts.get(k).path("name").asText())) {
                    out.add(new Mount(c, mounts.get(k), c.path() + ".volumeMounts[" + k + "]"));
                }
            }
        }
        return out;
    }
}
