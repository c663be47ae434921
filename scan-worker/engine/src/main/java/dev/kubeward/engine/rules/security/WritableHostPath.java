package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

/** C-0045: a hostPath volume mounted without {@code readOnly: true} by some container. */
final class WritableHostPath extends PodTemplateRule {

    WritableHostPath() {
        super("alert-rw-hostpath");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Volumes.Volume v : Volumes.of(pod)) {
            if (!v.isHostPath()) continue;
            for (Volumes.Mount m : Volumes.mountsOf(pod, v)) {
                if (m.readOnly()) continue;
                finding.fix(m.path() + ".readOnly", "true")
                        .message("container " + m.container().name() + " mounts hostPath volume " + v.name() + " writable");
            }
        }
    }
}
