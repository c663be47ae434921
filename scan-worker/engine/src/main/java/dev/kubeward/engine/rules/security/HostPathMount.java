package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

/** C-0048: any hostPath volume, reported with the mounts that use it. */
final class HostPathMount extends PodTemplateRule {

    HostPathMount() {
        super("alert-any-hostpath");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Volumes.Volume v : Volumes.of(pod)) {
            if (!v.isHostPath()) continue;
            finding.failedAndDelete(v.path())
                    .message("volume " + v.name() + " mounts host path " + v.hostPath().path("path").asText(""));
            Volumes.mountsOf(pod, v).forEach(m -> finding.failedAndDelete(m.path()));
        }
    }
}
