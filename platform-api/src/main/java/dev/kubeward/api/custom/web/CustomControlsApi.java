package dev.kubeward.api.custom.web;

import dev.kubeward.api.custom.CustomControlRequest;
import dev.kubeward.api.custom.CustomControlService;
import dev.kubeward.api.custom.CustomControlView;
import dev.kubeward.api.custom.TestRequest;
import dev.kubeward.api.custom.TestResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Custom controls in CEL: {@code /api/v1/custom-controls}. Everyone in the tenant reads them; admins and analysts
 * write and test them. An invalid control answers 400 with every problem (field, line, column, CEL's message).
 */
@RestController
@RequestMapping("/api/v1/custom-controls")
@Tag(name = "Custom controls", description = "Tenant-defined controls in CEL, evaluated with the catalogue on every scan")
public class CustomControlsApi {

    private final CustomControlService controls;

    public CustomControlsApi(CustomControlService controls) {
        this.controls = controls;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    public List<CustomControlView> list() {
        return controls.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    public CustomControlView get(@PathVariable UUID id) {
        return controls.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @Operation(summary = "Create a custom control KW-CUSTOM-<slug>; the expression is true when an object passes")
    public CustomControlView create(@RequestBody CustomControlRequest request) {
        return controls.create(request);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    public CustomControlView update(@PathVariable UUID id, @RequestBody CustomControlRequest request) {
        return controls.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    public void delete(@PathVariable UUID id) {
        controls.delete(id);
    }

    @PostMapping("/test")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @Operation(summary = "Evaluate an expression on a sample object: pass, fail or error (nothing is saved)")
    public TestResult test(@RequestBody TestRequest request) {
        return controls.test(request);
    }
}
