package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.LabelSelector;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C-0042: workloads whose pods a Service exposes on an SSH port (22 or 2222, as service port or target port),
 * a sign that an SSH server runs in the container. A Service selects the pods whose labels include all of its
 * selector, in its own namespace (Kubernetes semantics, where Kubescape asks for equal label sets).
 */
final class SshServiceExposure extends PodSpecRule {

    private static final Set<Integer> SSH_PORTS = Set.of(22, 2222);

    SshServiceExposure() {
        super("rule-can-ssh-to-pod-v1");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        JsonNode labels = pod.podLabels();
        Map<String, List<KubeObject>> sshServices = ctx.index().memo(SshServiceExposure.class, SshServiceExposure::sshServicesByNamespace);
        for (KubeObject service : sshServices.getOrDefault(namespaceOf(pod.namespace()), List.of())) {
            if (LabelSelector.mapSelects(service.spec().path("selector"), labels)) {
                finding.failed(pod.metadataPath() + ".labels").related(service.ref())
                        .note(describe(pod) + " is exposed on an SSH port by Service " + service.name());
            }
        }
    }

    /** Services that expose an SSH port, by namespace, found once per snapshot (most clusters have none). */
    private static Map<String, List<KubeObject>> sshServicesByNamespace(SnapshotIndex index) {
        Map<String, List<KubeObject>> out = new HashMap<>();
        for (KubeObject service : index.ofKind("Service")) {
            if (exposesSsh(service)) out.computeIfAbsent(namespaceOf(service.namespace()), k -> new ArrayList<>()).add(service);
        }
        return out;
    }

    /** Objects without namespace live in {@code default}, where the API server would put them. */
    private static String namespaceOf(String namespace) {
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    private static boolean exposesSsh(KubeObject service) {
        for (JsonNode port : service.spec().path("ports")) {
            if (isSsh(port.path("port")) || isSsh(port.path("targetPort"))) return true;
        }
        return false;
    }

    private static boolean isSsh(JsonNode port) {
        // A named target port ("ssh") would need the container's port list; numbers are what Kubescape checks.
        String number = port.isNumber() || port.isTextual() ? port.asText() : "";
        return number.matches("\\d{1,5}") && SSH_PORTS.contains(Integer.parseInt(number));
    }
}
