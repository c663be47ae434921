package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0268…C-0271: every container declares a CPU or memory request or limit. Four declarative entries
 * ({@link #cpuRequests()}…). Only the presence is judged here: the ceilings of the {@code cpu_limit_max}…
 * inputs belong to {@code resources-cpu-limit-and-request} and friends, as in Kubescape.
 * NB: a container with a limit but no request of the same resource has that request: the API server defaults
 * the request to the limit when it admits the pod (SetDefaults_Pod), so a live pod never lacks it. Kubescape,
 * reading the manifest literally, reports it; we follow Kubernetes. Init containers are not judged, as in Kubescape.
 */
final class ResourceSetRule extends PodTemplateRule {

    private final String name;
    private final String section;
    private final String resource;

    private ResourceSetRule(String name, String section, String resource) {
        this.name = name;
        this.section = section;
        this.resource = resource;
    }

    static ResourceSetRule cpuRequests() {
        return new ResourceSetRule("resources-cpu-requests", "requests", "cpu");
    }

    static ResourceSetRule memoryRequests() {
        return new ResourceSetRule("resources-memory-requests", "requests", "memory");
    }

    static ResourceSetRule cpuLimits() {
        return new ResourceSetRule("resources-cpu-limits", "limits", "cpu");
    }

    static ResourceSetRule memoryLimits() {
        return new ResourceSetRule("resources-memory-limits", "limits", "memory");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        Violation.Builder v = Violation.on(template.owner());
        List<String> missing = new ArrayList<>();
        for (PodTemplate.Container c : template.containers()) {
            if (isUnset(c)) {
                v.fix(c.path() + ".resources." + section + "." + resource, "YOUR_VALUE");
                missing.add(c.name());
            }
        }
        return v.message("containers without a " + resource + " " + section.substring(0, section.length() - 1)
                + ": " + String.join(", ", missing)).buildIfAny();
    }

    private boolean isUnset(PodTemplate.Container c) {
        JsonNode resources = c.json().path("resources");
        boolean unset = isAbsent(resources.path(section).path(resource));
        if (unset && section.equals("requests")) return isAbsent(resources.path("limits").path(resource));
        return unset;
    }

    private static boolean isAbsent(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty());
    }
}
