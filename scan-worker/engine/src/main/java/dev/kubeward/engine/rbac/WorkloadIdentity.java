package dev.kubeward.engine.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity a workload's pods run as: its ServiceAccount (an empty name means {@code default}) and whether
 * the token is mounted — the pod's {@code automountServiceAccountToken} wins, else the ServiceAccount's, else
 * true. A ServiceAccount absent from the snapshot is treated as existing with defaults (every namespace has
 * {@code default}; a manifest scan rarely carries the others).
 */
public record WorkloadIdentity(KubeObject workload, PodTemplate template, Subject serviceAccount,
                               Optional<KubeObject> serviceAccountObject, boolean tokenMounted) {

    /** Every workload judged on its own (pods owned by a controller in the snapshot are judged through it). */
    public static List<WorkloadIdentity> all(SnapshotIndex index) {
        List<WorkloadIdentity> out = new ArrayList<>();
        for (String kind : List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
                "ReplicationController")) {
            for (KubeObject o : index.ofKind(kind)) {
                if (index.judgedThroughOwner(o)) continue;
                PodTemplate.of(o).ifPresent(t -> out.add(of(t, index)));
            }
        }
        return out;
    }

    public static WorkloadIdentity of(PodTemplate template, SnapshotIndex index) {
        String ns = template.namespace() == null || template.namespace().isEmpty() ? "default" : template.namespace();
        String sa = template.serviceAccountName();
        Optional<KubeObject> saObject = index.ofKindInNamespace("ServiceAccount", ns).stream()
                .filter(s -> sa.equals(s.name())).findFirst();
        JsonNode podSetting = template.podSpec().path("automountServiceAccountToken");
        boolean mounted;
        if (podSetting.isBoolean()) mounted = podSetting.asBoolean();
        else mounted = saObject.map(s -> !(s.json().path("automountServiceAccountToken").isBoolean()
                && !s.json().path("automountServiceAccountToken").asBoolean())).orElse(true);
        return new WorkloadIdentity(template.owner(), template, Subject.serviceAccount(ns, sa), saObject, mounted);
    }
}
