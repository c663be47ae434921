package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0306: images not pinned to an immutable digest ({@code image@sha256:…}); a tag can be re-pointed after the
 * image was verified. A digest must be well formed (a truncated {@code sha256:abc} pins nothing). Repositories
 * listed in {@code imageDigestExemptRepositories} are exempt, matched on a repository boundary so that
 * {@code internal-registry} does not exempt {@code internal-registry-attacker}.
 */
final class ImageDigestPinRule extends PodTemplateRule {

    static final String EXEMPT_INPUT = "imageDigestExemptRepositories";

    @Override
    public String name() {
        return "image-not-pinned-to-digest";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        List<String> exempt = ctx.inputs().list(EXEMPT_INPUT);
        Violation.Builder v = Violation.on(template.owner());
        List<String> images = new ArrayList<>();
        for (PodTemplate.Container c : template.allContainers()) {
            String image = c.image();
            if (ImageReference.parse(image).hasValidDigest() || isExempt(image, exempt)) continue;
            v.failed(c.path() + ".image");
            images.add(image);
        }
        return v.message("images not pinned to a digest: " + String.join(", ", images)).buildIfAny();
    }

    static boolean isExempt(String image, List<String> exemptRepositories) {
        for (String repository : exemptRepositories) {
            if (repository.isEmpty() || !image.startsWith(repository)) continue;
            String rest = image.substring(repository.length());
            if (repository.endsWith("/") || rest.isEmpty() || rest.startsWith("/") || rest.startsWith(":") || rest.startsWith("@")) {
                return true;
            }
        }
        return false;
    }
}
