package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Set;

/**
 * KW-PSS-009, PSS restricted "Volume Types": only volumes that cannot reach the node or the network
 * directly — configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret.
 */
final class PssVolumeTypes extends PodTemplateRule {

    static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    PssVolumeTypes() {
        super("kw-pss-volume-types");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Volumes.Volume v : Volumes.of(pod)) {
            v.json().fieldNames().forEachRemaining(type -> {
                if (type.equals("name") || ALLOWED.contains(type) || !SecurityContexts.present(v.json().path(type))) return;
                finding.failedAndDelete(v.path() + "." + type).message("volume " + v.name() + " is of restricted type " + type);
            });
        }
    }
}
