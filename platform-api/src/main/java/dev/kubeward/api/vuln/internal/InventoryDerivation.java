package dev.kubeward.api.vuln.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.vuln.ImageUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives which image each workload runs from a cluster's stored objects, without the database. Pods give the
 * resolved digest ({@code status.containerStatuses[].imageID}); each pod is attributed to its top controller
 * (Pod → ReplicaSet → Deployment, Pod → Job → CronJob), so one Deployment is one row however many replicas it has.
 * Workloads without a running pod (scaled to zero, suspended) still count, with the reference from their template.
 */
public final class InventoryDerivation {

    /** A stored object: {@code resources} row identity and body. */
    public record StoredObject(String apiVersion, String kind, String namespace, String name, JsonNode body) {
    }

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Set<String> INTERMEDIATE = Set.of("ReplicaSet", "Job", "ReplicationController");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
            "ReplicationController");

    private record Ref(String apiVersion, String kind, String namespace, String name) {
    }

    private InventoryDerivation() {
    }

    public static List<ImageUse> derive(List<StoredObject> objects) {
        Map<String, StoredObject> byKey = new HashMap<>();
        for (StoredObject o : objects) byKey.put(key(o.kind(), o.namespace(), o.name()), o);
        Map<String, ImageUse> out = new LinkedHashMap<>();
        Set<String> workloadsWithPods = new HashSet<>();
        for (StoredObject o : objects) {
            if (!o.kind().equals("Pod")) continue;
            Ref owner = topOwner(o, byKey);
            workloadsWithPods.add(key(owner.kind(), owner.namespace(), owner.name()));
            Map<String, String> imageIds = new HashMap<>();
            for (String statuses : List.of("containerStatuses", "initContainerStatuses")) {
                for (JsonNode s : o.body().path("status").path(statuses)) imageIds.put(s.path("name").asText(), s.path("imageID").asText(""));
            }
            JsonNode spec = o.body().path("spec");
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : spec.path(list)) add(out, owner, c, imageIds.get(c.path("name").asText()));
            }
        }
        for (StoredObject o : objects) {
            if (!WORKLOADS.contains(o.kind()) || workloadsWithPods.contains(key(o.kind(), o.namespace(), o.name()))) continue;
            if (!controllerOf(o).isEmpty() && INTERMEDIATE.contains(o.kind())) continue; // its owner is listed itself
            JsonNode podSpec = o.kind().equals("CronJob") ? o.body().path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                    : o.body().path("spec").path("template").path("spec");
            Ref self = new Ref(o.apiVersion(), o.kind(), o.namespace(), o.name());
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : podSpec.path(list)) add(out, self, c, null);
            }
        }
        return List.copyOf(out.values());
    }

    /** The {@code sha256:…} digest in an imageID or reference, or null. */
    public static String digestOf(String s) {
        if (s == null) return null;
        Matcher m = DIGEST.matcher(s);
        return m.find() ? m.group() : null;
    }

    private static void add(Map<String, ImageUse> out, Ref owner, JsonNode container, String imageId) {
        String reference = container.path("image").asText("");
        String name = container.path("name").asText("");
        if (reference.isBlank() || name.isBlank()) return;
        String digest = digestOf(imageId);
        if (digest == null) digest = digestOf(reference);
        String image = digest == null ? reference : digest;
        ImageUse use = new ImageUse(image, digest, reference, owner.apiVersion(), owner.kind(), owner.namespace(), owner.name(), name);
        out.putIfAbsent(String.join("\u0000", owner.kind(), owner.namespace(), owner.name(), name, image), use);
    }

    private static Ref topOwner(StoredObject pod, Map<String, StoredObject> byKey) {
        Ref current = new Ref(pod.apiVersion(), pod.kind(), pod.namespace(), pod.name());
        List<JsonNode> owners = controllerOf(pod);
        for (int depth = 0; depth < 4 && !owners.isEmpty(); depth++) {
            JsonNode ref = owners.get(0);
            if (ref.path("kind").asText().equals("Node")) break; // a static pod's mirror: the pod is the workload
            current = new Ref(ref.path("apiVersion").asText(""), ref.path("kind").asText(), pod.namespace(), ref.path("name").asText());
            StoredObject next = byKey.get(key(current.kind(), current.namespace(), current.name()));
            if (next == null || !INTERMEDIATE.contains(current.kind())) break;
            current = new Ref(next.apiVersion(), next.kind(), next.namespace(), next.name());
            owners = controllerOf(next);
        }
        return current;
    }

    private static List<JsonNode> controllerOf(StoredObject o) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : o.body().path("metadata").path("ownerReferences")) {
            if (r.path("controller").asBoolean(false) && !r.path("kind").asText("").isEmpty()) out.add(r);
        }
        return out;
    }

    private static String key(String kind, String namespace, String name) {
        return kind + '\u0000' + (namespace == null ? "" : namespace) + '\u0000' + name;
    }
}
