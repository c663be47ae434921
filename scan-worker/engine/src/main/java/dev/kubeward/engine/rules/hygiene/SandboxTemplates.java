package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Set;

/**
 * Agent Sandbox's {@code SandboxTemplate} (extensions.agents.x-k8s.io): a custom resource whose
 * {@code spec.podTemplate} is the pod every sandbox claimed from it will run.
 */
final class SandboxTemplates {

    static final String KIND = "SandboxTemplate";
    static final Set<String> KINDS = Set.of(KIND);

    private SandboxTemplates() {
    }

    /** The pod template of a SandboxTemplate, with paths under {@code spec.podTemplate}. */
    static PodTemplate podTemplate(KubeObject template) {
        var podTemplate = template.spec().path("podTemplate");
        return new PodTemplate(template, podTemplate.path("spec"), "spec.podTemplate.spec",
                podTemplate.path("metadata"), "spec.podTemplate.metadata");
    }

    static String describe(KubeObject template) {
        return "SandboxTemplate " + template.name();
    }
}
