package dev.kubeward.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod spec inside a workload with the path that leads to it, so a rule written once for a pod spec
 * reports {@code spec.template.spec.containers[0].securityContext.privileged} on a Deployment and
 * {@code spec.containers[0]...} on a Pod.
 */
public record PodTemplate(KubeObject owner, JsonNode podSpec, String specPath, JsonNode podMetadata, String metadataPath) {

    /** The pod template of a workload kind; empty for other kinds. */
    public static Optional<PodTemplate> of(KubeObject o) {
        return switch (o.kind()) {
            case "Pod" -> Optional.of(new PodTemplate(o, o.json().path("spec"), "spec", o.metadata(), "metadata"));
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController" ->
                    Optional.of(new PodTemplate(o, o.json().path("spec").path("template").path("spec"), "spec.template.spec",
                            o.json().path("spec").path("template").path("metadata"), "spec.template.metadata"));
            case "CronJob" -> Optional.of(new PodTemplate(o,
                    o.json().path("spec").path("jobTemplate").path("spec").path("template").path("spec"),
                    "spec.jobTemplate.spec.template.spec",
                    o.json().path("spec").path("jobTemplate").path("spec").path("template").path("metadata"),
                    "spec.jobTemplate.spec.template.metadata"));
            default -> Optional.empty();
        };
    }

    /** A container of the pod with the path to it. */
    public record Container(JsonNode json, String path, String type) {
        public String name() { return json.path("name").asText(); }
        public String image() { return json.path("image").asText(""); }
        public JsonNode securityContext() { return json.path("securityContext"); }
    }

    /** Regular containers only ({@code containers[i]}). */
    public List<Container> containers() {
        return list("containers");
    }

    /** Init containers ({@code initContainers[i]}). */
    public List<Container> initContainers() {
        return list("initContainers");
    }

    /** Ephemeral containers ({@code ephemeralContainers[i]}). */
    public List<Container> ephemeralContainers() {
        return list("ephemeralContainers");
    }

    /** Containers, then init containers, then ephemeral containers. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>(containers());
        all.addAll(initContainers());
        all.addAll(ephemeralContainers());
        return all;
    }

    private List<Container> list(String field) {
        List<Container> out = new ArrayList<>();
        JsonNode arr = podSpec.path(field);
        for (int i = 0; i < arr.size(); i++) {
            out.add(new Container(arr.get(i), specPath + "." + field + "[" + i + "]", field));
        }
        return out;
    }

    public JsonNode volumes() { return podSpec.path("volumes"); }
    public JsonNode podSecurityContext() { return podSpec.path("securityContext"); }
    public String namespace() { return owner.namespace(); }

    /** Service account name, with Kubernetes' default ({@code default}) when unset. */
    public String serviceAccountName() {
        String sa = podSpec.path("serviceAccountName").asText("");
        if (sa.isEmpty()) sa = podSpec.path("serviceAccount").asText("");
        return sa.isEmpty() ? "default" : sa;
    }

    /** Labels the pods will carry. */
    public JsonNode podLabels() {
        return podMetadata.path("labels");
    }
}
