package dev.kubeward.api.compliance;

import dev.kubeward.engine.catalog.ControlDefinition;

import java.util.List;

/** A control of the catalogue as the API shows it. */
public record ControlInfo(String id, String name, String description, String remediation, String severity, double baseScore,
                          String category, List<String> frameworks, String inputScope) {

    public static ControlInfo of(ControlDefinition d) {
        return new ControlInfo(d.id(), d.name(), d.description(), d.remediation(), d.severity().name().toLowerCase(),
                d.baseScore(), d.category(), d.frameworks(), d.inputScope());
    }
}
