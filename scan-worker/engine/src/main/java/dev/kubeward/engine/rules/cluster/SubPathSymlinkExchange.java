package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/**
 * C-0058, CVE-2021-25741: on a kubelet before v1.19.15, v1.20.11, v1.21.5 or v1.22.2, a container that mounts
 * a volume with {@code subPath} or {@code subPathExpr} can swap the path for a symlink and reach the node's
 * file system. A workload fails when it uses subpaths and some node runs an affected kubelet.
 */
final class SubPathSymlinkExchange implements ResourceRule {

    @Override
    public String name() {
        return "Symlink-Exchange-Can-Allow-Host-Filesystem-Access";
    }

    @Override
    public Set<String> kinds() {
        return SnapshotIndex.WORKLOAD_KINDS;
    }

    /** Affected kubelet versions, from the Kubernetes security announcement. */
    static boolean affected(SemanticVersion v) {
        return v.isBefore(SemanticVersion.of(1, 19, 15))
                || v.between(SemanticVersion.of(1, 20, 0), SemanticVersion.of(1, 20, 10))
                || v.between(SemanticVersion.of(1, 21, 0), SemanticVersion.of(1, 21, 4))
                || v.between(SemanticVersion.of(1, 22, 0), SemanticVersion.of(1, 22, 1));
    }

    @Override
    public List<Violation> check(KubeObject workload, RuleContext ctx) {
        PodTemplate pod = PodTemplate.of(workload).orElse(null);
        if (pod == null) return List.of();
        List<KubeObject> nodes = ctx.index().ofKind("Node").stream()
                .filter(n -> SemanticVersion.parse(Nodes.kubeletVersion(n)).filter(SubPathSymlinkExchange::affected).isPresent())
                .toList();
        if (nodes.isEmpty()) return List.of();
        Violation.Builder v = Violation.on(workload);
        for (PodTemplate.Container c : pod.allContainers()) {
            JsonNode mounts = c.json().path("volumeMounts");
            for (int i = 0; i < mounts.size(); i++) {
                for (String field : List.of("subPath", "subPathExpr")) {
                    if (!mounts.get(i).path(field).asText("").isEmpty()) {
                        v.failed(c.path() + ".volumeMounts[" + i + "]." + field);
                    }
                }
            }
        }
        if (!v.hasPaths()) return List.of();
        nodes.forEach(v::related);
        return List.of(v.message("containers mount volumes with subPath while node " + nodes.get(0).name() + " runs kubelet "
                + Nodes.kubeletVersion(nodes.get(0)) + ", affected by CVE-2021-25741").build());
    }
}
