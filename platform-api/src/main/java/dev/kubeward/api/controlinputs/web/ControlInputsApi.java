package dev.kubeward.api.controlinputs.web;

import dev.kubeward.api.controlinputs.ControlInputSetting;
import dev.kubeward.api.controlinputs.ControlInputSettings;
import dev.kubeward.api.query.QueryApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@QueryApi
@RequestMapping("/api/v1/control-inputs")
@Tag(name = "Control inputs", description = "Kubescape's control inputs (sensitive key names, allowed registries, insecure capabilities, "
        + "resource bounds …): defaults and the tenant's own values, used from the next scan of each cluster")
public class ControlInputsApi {

    private final ControlInputSettings settings;

    public ControlInputsApi(ControlInputSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Every control input with its default and the tenant's value")
    public List<ControlInputSetting> list() {
        return settings.list();
    }

    @PatchMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set some inputs", description = "Body: input name → array of strings, e.g. {\"insecureCapabilities\": [\"NET_ADMIN\"]}. "
            + "Inputs not named keep their value; an empty array is a value (e.g. no capability is insecure). 400 lists every problem; nothing is stored then.")
    public List<ControlInputSetting> set(@RequestBody Map<String, List<String>> values) {
        return settings.set(values);
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Back to Kubescape's default for one input")
    public List<ControlInputSetting> reset(@PathVariable String name) {
        return settings.reset(List.of(name));
    }
}
