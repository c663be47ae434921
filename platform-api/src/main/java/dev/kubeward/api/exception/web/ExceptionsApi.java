package dev.kubeward.api.exception.web;

import dev.kubeward.api.exception.ExceptionRequest;
import dev.kubeward.api.exception.ExceptionService;
import dev.kubeward.api.exception.RiskException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Risk acceptance: {@code /api/v1/exceptions}. Analysts request and revoke, admins approve or reject. */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "Exceptions", description = "Risk acceptance: excepted findings count as passed in compliance scores")
public class ExceptionsApi {

    private final ExceptionService exceptions;

    public ExceptionsApi(ExceptionService exceptions) {
        this.exceptions = exceptions;
    }

    /** How an exception reads over the API: the record plus the status people read and the over-broad flag. */
    public record ExceptionView(RiskException exception, String displayStatus, boolean overBroad) {
        static ExceptionView of(RiskException e) {
            return new ExceptionView(e, e.displayStatus(Instant.now(), Duration.ofDays(30)), e.overBroad());
        }
    }

    @GetMapping
    @Operation(summary = "List exceptions, optionally by status (pending, active, rejected, revoked, expired)")
    public List<ExceptionView> list(@RequestParam(required = false) String status) {
        return exceptions.list(status).stream().map(ExceptionView::of).toList();
    }

    @GetMapping("/review-due")
    @Operation(summary = "Active exceptions expiring within the given number of days")
    public List<ExceptionView> reviewDue(@RequestParam(defaultValue = "30") int days) {
        return exceptions.reviewDue(days).stream().map(ExceptionView::of).toList();
    }

    @GetMapping("/{id}")
    public ExceptionView get(@PathVariable UUID id) {
        return ExceptionView.of(exceptions.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request an exception (analyst); pending until an admin approves, unless the tenant auto-approves")
    public ExceptionView create(@RequestBody ExceptionRequest request) {
        return ExceptionView.of(exceptions.request(request));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a pending exception (admin); its findings count as passed at once")
    public ExceptionView approve(@PathVariable UUID id) {
        return ExceptionView.of(exceptions.approve(id));
    }

    @PostMapping("/{id}/reject")
    public ExceptionView reject(@PathVariable UUID id) {
        return ExceptionView.of(exceptions.reject(id));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke an exception; its findings are open again at once")
    public ExceptionView revoke(@PathVariable UUID id, @RequestBody(required = false) Map<String, String> body) {
        return ExceptionView.of(exceptions.revoke(id, body == null ? null : body.get("reason")));
    }

    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a Kubescape exceptions file (JSON list of postureExceptionPolicy)")
    public List<ExceptionView> importKubescape(@RequestBody String file, @RequestParam String owner, @RequestParam Instant expiresAt,
                                               @RequestParam(required = false) String reason) {
        return exceptions.importKubescape(file, owner, expiresAt, reason).stream().map(ExceptionView::of).toList();
    }

    @GetMapping("/settings")
    public Map<String, Object> settings() {
        return Map.of("autoApprove", exceptions.autoApprove());
    }

    @PutMapping("/settings")
    public Map<String, Object> updateSettings(@RequestBody Map<String, Boolean> body) {
        exceptions.setAutoApprove(Boolean.TRUE.equals(body.get("autoApprove")));
        return settings();
    }
}
