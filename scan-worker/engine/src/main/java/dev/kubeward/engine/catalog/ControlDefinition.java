package dev.kubeward.engine.catalog;

import java.util.List;
import java.util.Map;

/**
 * A control as users know it: Kubescape's id (or our own {@code KW-} id), name, description, remediation,
 * base score and the rules that implement it. {@code inputScope} says what data it needs
 * (per-resource, cross-resource, hybrid, external, manual).
 */
public record ControlDefinition(String id, String name, String description, String longDescription, String remediation,
                                double baseScore, String category, List<String> rules, List<String> frameworks,
                                String inputScope, List<String> externalData, Map<String, String> frameworkTitles) {

    public Severity severity() {
        return Severity.fromBaseScore(baseScore);
    }

    /** Needs data the Kubernetes API does not give: host files, cloud APIs, image scans, or a human. */
    public boolean needsExternalData() {
        return "external".equals(inputScope);
    }

    public boolean manual() {
        return "manual".equals(inputScope);
    }
}
