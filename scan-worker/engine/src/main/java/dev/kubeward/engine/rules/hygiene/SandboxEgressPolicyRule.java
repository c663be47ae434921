package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0301: a SandboxTemplate must have the controller manage a network policy ({@code networkPolicyManagement}
 * Managed, the default) and define that policy, with every egress rule scoped to named destinations. The
 * controller's secure default allows egress to the public internet, so an absent policy fails; an egress rule
 * with no {@code to}, an empty selector, an empty ipBlock or a whole-internet CIDR (0.0.0.0/0, ::/0 — even with
 * exceptions) lets traffic go anywhere.
 */
final class SandboxEgressPolicyRule implements ResourceRule {

    private static final String MANAGED = "Managed";

    @Override
    public String name() {
        return "agent-sandbox-egress-policy";
    }

    @Override
    public Set<String> kinds() {
        return SandboxTemplates.KINDS;
    }

    @Override
    public List<Violation> check(KubeObject template, RuleContext ctx) {
        JsonNode spec = template.spec();
        JsonNode management = spec.path("networkPolicyManagement");
        String mode = management.isMissingNode() || management.isNull() ? MANAGED : management.asText();
        String who = SandboxTemplates.describe(template);
        if (!mode.equals(MANAGED)) {
            return fail(template, "spec.networkPolicyManagement", who + " sets networkPolicyManagement to " + mode
                    + "; it must be Managed (or omitted) for a network policy to be enforced");
        }
        JsonNode policy = spec.path("networkPolicy");
        if (policy.isMissingNode() || policy.isNull()) {
            return fail(template, "spec.networkPolicy", who
                    + " defines no networkPolicy; the controller's default allows egress to the public internet");
        }
        if (!policy.isObject()) {
            return fail(template, "spec.networkPolicy", who + " has a networkPolicy that is not an object");
        }
        JsonNode egress = policy.path("egress");
        if (egress.isMissingNode() || egress.isNull()) return List.of();
        if (!egress.isArray()) {
            return fail(template, "spec.networkPolicy.egress", who + " has an egress block that is not a list");
        }
        for (JsonNode rule : egress) {
            if (!isScoped(rule)) {
                return fail(template, "spec.networkPolicy.egress", who
                        + " has an egress rule without a scoped destination, which permits traffic anywhere");
            }
        }
        return List.of();
    }

    private static boolean isScoped(JsonNode rule) {
        JsonNode to = rule.path("to");
        if (!to.isArray() || to.isEmpty()) return false;
        for (JsonNode peer : to) {
            if (!names(peer)) return false;
        }
        return true;
    }

    /** A peer that names destinations: a non-universal CIDR, or a non-empty pod or namespace selector. */
    private static boolean names(JsonNode peer) {
        String cidr = peer.path("ipBlock").path("cidr").asText("");
        if (!cidr.isEmpty() && !cidr.equals("0.0.0.0/0") && !cidr.equals("::/0")) return true;
        return isNonEmptySelector(peer.path("podSelector")) || isNonEmptySelector(peer.path("namespaceSelector"));
    }

    private static boolean isNonEmptySelector(JsonNode selector) {
        return (selector.path("matchLabels").isObject() && !selector.path("matchLabels").isEmpty())
                || (selector.path("matchExpressions").isArray() && !selector.path("matchExpressions").isEmpty());
    }

    private static List<Violation> fail(KubeObject template, String path, String message) {
        return List.of(Violation.on(template).failed(path).message(message).build());
    }
}
