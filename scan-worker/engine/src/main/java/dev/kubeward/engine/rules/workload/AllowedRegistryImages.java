package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0078: containers whose image does not come from a registry of {@code imageRepositoryAllowList}. With an empty
 * list nothing is allowed, as in Kubescape: the control only makes sense once the tenant names its registries.
 */
final class AllowedRegistryImages extends PodSpecRule {

    AllowedRegistryImages(String name) {
        super(name);
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<String> allowed = ctx.inputs().list("imageRepositoryAllowList");
        for (PodTemplate.Container c : pod.containers()) {
            ImageName image = ImageName.parse(c.image());
            if (allowed.stream().noneMatch(image::isFrom)) {
                finding.failed(c.path() + ".image")
                        .note("Image '" + c.image() + "' of container '" + c.name() + "' is not from an allowed registry");
            }
        }
    }
}
