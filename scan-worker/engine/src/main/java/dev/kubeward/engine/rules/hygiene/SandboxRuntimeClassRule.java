package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0297: a SandboxTemplate runs untrusted agent code, so its pods must use a hardened runtime class (gVisor,
 * Kata…) listed in {@code hardenedSandboxRuntimeClasses}; without one they share the host kernel.
 */
final class SandboxRuntimeClassRule implements ResourceRule {

    static final String INPUT = "hardenedSandboxRuntimeClasses";
    private static final String PATH = "spec.podTemplate.spec.runtimeClassName";

    @Override
    public String name() {
        return "agent-sandbox-hardened-runtime-class";
    }

    @Override
    public Set<String> kinds() {
        return SandboxTemplates.KINDS;
    }

    @Override
    public List<Violation> check(KubeObject template, RuleContext ctx) {
        String runtimeClass = SandboxTemplates.podTemplate(template).podSpec().path("runtimeClassName").asText("");
        List<String> hardened = ctx.inputs().list(INPUT);
        if (!runtimeClass.isEmpty() && hardened.contains(runtimeClass)) return List.of();
        String message = runtimeClass.isEmpty()
                ? SandboxTemplates.describe(template) + " sets no runtimeClassName, so sandboxes share the host kernel"
                : SandboxTemplates.describe(template) + " uses runtime class " + runtimeClass
                        + ", which is not an approved hardened runtime (" + String.join(", ", hardened) + ")";
        Violation.Builder v = Violation.on(template).failed(PATH).message(message);
        if (!hardened.isEmpty()) v.fix(PATH, hardened.get(0));
        return List.of(v.build());
    }
}
