package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * C-0304: SandboxTemplate images (containers and init containers) come from a registry or registry path listed
 * in {@code imageRepositoryAllowList}. Images are normalised as the runtime pulls them ({@code python:3.11} is
 * {@code docker.io/library/python}) and matched on whole path components ({@link ImageReference#isUnder}).
 * With an empty allow list no registry is approved.
 */
final class SandboxImageRegistryRule implements ResourceRule {

    static final String INPUT = "imageRepositoryAllowList";

    @Override
    public String name() {
        return "agent-sandbox-image-registry-allowlist";
    }

    @Override
    public Set<String> kinds() {
        return SandboxTemplates.KINDS;
    }

    @Override
    public List<Violation> check(KubeObject template, RuleContext ctx) {
        List<String> allowed = ctx.inputs().list(INPUT);
        PodTemplate pod = SandboxTemplates.podTemplate(template);
        List<PodTemplate.Container> containers = new ArrayList<>(pod.containers());
        containers.addAll(pod.initContainers());
        Violation.Builder v = Violation.on(template);
        List<String> images = new ArrayList<>();
        for (PodTemplate.Container c : containers) {
            if (c.image().isEmpty()) continue;
            ImageReference image = ImageReference.parse(c.image());
            if (allowed.stream().noneMatch(image::isUnder)) {
                v.failed(c.path() + ".image");
                images.add(c.image());
            }
        }
        return v.message(SandboxTemplates.describe(template) + " uses images from registries not in the allow list: "
                + String.join(", ", images)).buildIfAny();
    }
}
