package dev.kubeward.engine.rules.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;

/**
 * A control-plane binary run as a static pod, recognised as Kubescape recognises it: a Pod with exactly one
 * container whose {@code command[0]} ends with the binary's name — in {@code kube-system}, except for etcd, which
 * Kubescape looks for in any namespace. On EKS, AKS and GKE these pods do not exist, so no object is evaluated
 * and the controls come out not applicable.
 */
enum ControlPlaneComponent {
    API_SERVER("kube-apiserver", true),
    CONTROLLER_MANAGER("kube-controller-manager", true),
    SCHEDULER("kube-scheduler", true),
    ETCD("etcd", false);

    private static final String CONTAINER_PATH = "spec.containers[0]";

    private final String binary;
    private final boolean kubeSystemOnly;

    ControlPlaneComponent(String binary, boolean kubeSystemOnly) {
        this.binary = binary;
        this.kubeSystemOnly = kubeSystemOnly;
    }

    String binary() {
        return binary;
    }

    boolean runs(KubeObject pod) {
        if (!"Pod".equals(pod.kind())) return false;
        if (kubeSystemOnly && !"kube-system".equals(pod.namespace())) return false;
        JsonNode containers = pod.spec().path("containers");
        if (containers.size() != 1 || containers.get(0).path("command").size() == 0) return false;
        return commandLine(pod).executable().endsWith(binary);
    }

    /** The pods of the snapshot that run this component. */
    List<KubeObject> pods(SnapshotIndex index) {
        return index.ofKind("Pod").stream().filter(this::runs).toList();
    }

    /** The flags of the component's (only) container. */
    CommandLine commandLine(KubeObject pod) {
        return CommandLine.of(pod.spec().path("containers").path(0), CONTAINER_PATH);
    }
}
