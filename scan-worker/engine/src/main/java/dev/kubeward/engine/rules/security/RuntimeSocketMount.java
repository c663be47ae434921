package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Set;

/**
 * C-0074: a hostPath volume on a container runtime's socket or state directory (Docker, containerd, CRI-O),
 * which hands the pod control of every container on the node. Reported with the mounts that use it.
 */
final class RuntimeSocketMount extends PodTemplateRule {

    private static final Set<String> RUNTIME_PATHS = Set.of(
            "/var/run/docker.sock", "/run/docker.sock", "/var/run/docker",
            "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
            "/var/run/crio/crio.sock", "/run/crio/crio.sock");

    RuntimeSocketMount() {
        super("containers-mounting-docker-socket");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Volumes.Volume v : Volumes.of(pod)) {
            if (!v.isHostPath() || !isRuntimePath(v.hostPath().path("path").asText(""))) continue;
            finding.failedAndDelete(v.path()).message("volume " + v.name() + " mounts the container runtime socket");
            Volumes.mountsOf(pod, v).forEach(m -> finding.failedAndDelete(m.path()));
        }
    }

    static boolean isRuntimePath(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return RUNTIME_PATHS.contains(p);
    }
}
