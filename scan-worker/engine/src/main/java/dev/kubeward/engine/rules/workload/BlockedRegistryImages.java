package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0001: containers whose image comes from a registry the tenant marked untrusted or public
 * ({@code untrustedRegistries}, {@code publicRegistries}). Kubescape keeps two rule versions with the same intent;
 * both names map to this check.
 */
final class BlockedRegistryImages extends PodSpecRule {

    BlockedRegistryImages(String name) {
        super(name);
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<String> blocked = new ArrayList<>(ctx.inputs().list("untrustedRegistries"));
        blocked.addAll(ctx.inputs().list("publicRegistries"));
        if (blocked.isEmpty()) return;
        for (PodTemplate.Container c : pod.containers()) {
            ImageName image = ImageName.parse(c.image());
            blocked.stream().filter(image::isFrom).findFirst().ifPresent(registry -> finding
                    .failed(c.path() + ".image")
                    .note("Image '" + c.image() + "' of container '" + c.name() + "' comes from blocked registry " + registry));
        }
    }
}
