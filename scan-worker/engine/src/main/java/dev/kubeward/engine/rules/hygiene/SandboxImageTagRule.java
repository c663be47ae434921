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
 * C-0304: SandboxTemplate images (containers and init containers) are pinned to a digest or an explicit version
 * tag; no tag, {@code :latest}, or a tag listed in {@code floatingImageTags} ({@code dev}, {@code nightly}…)
 * can change under the sandbox.
 */
final class SandboxImageTagRule implements ResourceRule {

    static final String INPUT = "floatingImageTags";

    @Override
    public String name() {
        return "agent-sandbox-image-tag-provenance";
    }

    @Override
    public Set<String> kinds() {
        return SandboxTemplates.KINDS;
    }

    @Override
    public List<Violation> check(KubeObject template, RuleContext ctx) {
        List<String> floating = ctx.inputs().list(INPUT);
        PodTemplate pod = SandboxTemplates.podTemplate(template);
        List<PodTemplate.Container> containers = new ArrayList<>(pod.containers());
        containers.addAll(pod.initContainers());
        Violation.Builder v = Violation.on(template);
        List<String> images = new ArrayList<>();
        for (PodTemplate.Container c : containers) {
            if (c.image().isEmpty()) continue;
            ImageReference image = ImageReference.parse(c.image());
            if (image.hasDigest()) continue;
            String tag = image.tag();
            if (tag == null || tag.isEmpty() || tag.equals("latest") || floating.contains(tag)) {
                v.failed(c.path() + ".image");
                images.add(c.image());
            }
        }
        return v.message(SandboxTemplates.describe(template) + " uses images that are untagged, :latest or on a "
                + "floating tag: " + String.join(", ", images) + "; pin a version tag or a digest").buildIfAny();
    }
}
