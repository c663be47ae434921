package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kube-apiserver static pod of a self-managed control plane and the flags it runs with. Flags are read
 * from {@code command} and {@code args} together: kubeadm puts them in the command, RKE2 and k3s keep the
 * command to the binary and pass them as args. Both {@code --flag=value} and {@code --flag value} count.
 */
final class ApiServerPod {

    private static final String BINARY = "kube-apiserver";

    private final KubeObject pod;
    private final JsonNode container;
    private final String containerPath;
    private final List<Flag> flags = new ArrayList<>();

    /** A flag, its value ("" for a bare switch) and the path of the element that carries it. */
    record Flag(String name, String value, String path) {
    }

    private ApiServerPod(KubeObject pod, JsonNode container, String containerPath) {
        this.pod = pod;
        this.container = container;
        this.containerPath = containerPath;
        read("command");
        read("args");
    }

    /** The API server view of a pod; empty when the pod is not a kube-apiserver. */
    static Optional<ApiServerPod> of(KubeObject pod) {
        if (!"Pod".equals(pod.kind())) return Optional.empty();
        JsonNode containers = pod.spec().path("containers");
        boolean labelled = BINARY.equals(pod.labels().path("component").asText());
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            if (BINARY.equals(c.path("name").asText()) || runsBinary(c)) {
                return Optional.of(new ApiServerPod(pod, c, "spec.containers[" + i + "]"));
            }
        }
        if (labelled && !containers.isEmpty()) return Optional.of(new ApiServerPod(pod, containers.get(0), "spec.containers[0]"));
        return Optional.empty();
    }

    private static boolean runsBinary(JsonNode container) {
        String first = container.path("command").path(0).asText("");
        return first.equals(BINARY) || first.endsWith("/" + BINARY);
    }

    private void read(String field) {
        JsonNode list = container.path(field);
        for (int i = 0; i < list.size(); i++) {
            String token = list.get(i).asText("");
            if (!token.startsWith("--")) continue;
            String path = containerPath + "." + field + "[" + i + "]";
            int eq = token.indexOf('=');
            if (eq > 0) {
                flags.add(new Flag(token.substring(2, eq), token.substring(eq + 1), path));
            } else {
                String next = i + 1 < list.size() ? list.get(i + 1).asText("") : "";
                flags.add(new Flag(token.substring(2), next.startsWith("--") ? "" : next, path));
            }
        }
    }

    KubeObject pod() {
        return pod;
    }

    /** The last occurrence of a flag (the one the binary keeps), by name without dashes. */
    Optional<Flag> flag(String name) {
        Optional<Flag> found = Optional.empty();
        for (Flag f : flags) {
            if (f.name().equals(name)) found = Optional.of(f);
        }
        return found;
    }

    /** Where flags live in this pod: the args when the command is only the binary, else the command. */
    String flagListPath() {
        boolean inArgs = container.path("command").size() <= 1 && container.path("args").size() > 0;
        return containerPath + (inArgs ? ".args" : ".command");
    }

    /** The path at which a new flag would be appended. */
    String appendPath() {
        String list = flagListPath();
        int size = container.path(list.endsWith(".args") ? "args" : "command").size();
        return list + "[" + size + "]";
    }

    /** The version in the container image tag ({@code registry.k8s.io/kube-apiserver:v1.28.3}), if any. */
    Optional<SemanticVersion> imageVersion() {
        String image = container.path("image").asText("");
        int at = image.indexOf('@');
        if (at >= 0) image = image.substring(0, at);
        int colon = image.lastIndexOf(':');
        if (colon < 0 || colon < image.lastIndexOf('/')) return Optional.empty();
        return SemanticVersion.parse(image.substring(colon + 1));
    }
}
