package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;
import java.util.Set;

/**
 * C-0075: containers on a moving tag ({@code :latest}, no tag at all, or a tag the tenant lists in
 * {@code floatingImageTags}) whose {@code imagePullPolicy} is explicitly {@code IfNotPresent} or {@code Never}, so
 * nodes keep running whatever they pulled first. Left unset, Kubernetes defaults such images to {@code Always};
 * an image pinned by digest does not move.
 */
final class LatestImagePullPolicy extends PodSpecRule {

    private static final Set<String> CACHING_POLICIES = Set.of("IfNotPresent", "Never");

    LatestImagePullPolicy() {
        super("image-pull-policy-is-not-set-to-always");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<String> floating = ctx.inputs().list("floatingImageTags");
        for (PodTemplate.Container c : pod.containers()) {
            String policy = c.json().path("imagePullPolicy").asText("");
            if (!CACHING_POLICIES.contains(policy)) continue;
            ImageName image = ImageName.parse(c.image());
            if (image.digest() != null) continue;
            String tag = image.tag();
            if (tag == null || tag.equals("latest") || floating.contains(tag)) {
                finding.failed(c.path() + ".image").failed(c.path() + ".imagePullPolicy")
                        .note("Container '" + c.name() + "' uses moving image " + c.image() + " with pull policy " + policy);
            }
        }
    }
}
