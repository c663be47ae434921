package dev.kubeward.api.controlinputs;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "One of Kubescape's control inputs: Kubescape's default, the tenant's value and whether the tenant overrides it")
public record ControlInputSetting(String name, String description, List<String> defaultValues, List<String> values, boolean overridden) {

    /** The values one per line, as the settings form edits them. */
    public String valuesText() {
        return String.join("\n", values);
    }
}
