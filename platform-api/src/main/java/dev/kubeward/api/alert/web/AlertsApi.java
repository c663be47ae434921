package dev.kubeward.api.alert.web;

import dev.kubeward.api.alert.AlertAdmin;
import dev.kubeward.api.alert.AlertAdmin.CreatedTarget;
import dev.kubeward.api.alert.AlertAdmin.NewRule;
import dev.kubeward.api.alert.AlertAdmin.NewTarget;
import dev.kubeward.api.alert.AlertRule;
import dev.kubeward.api.alert.AlertTarget;
import dev.kubeward.api.alert.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Alert targets, rules and the delivery log: {@code /api/v1/alerts}. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Webhook, Slack and e-mail alerts on new findings, score drops, silent agents, rejected snapshots")
public class AlertsApi {

    private final AlertAdmin alerts;

    public AlertsApi(AlertAdmin alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/targets")
    public List<AlertTarget> targets() {
        return alerts.targets();
    }

    @PostMapping("/targets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a target (admin); a webhook's signing secret is returned once")
    public CreatedTarget createTarget(@RequestBody NewTarget target) {
        return alerts.createTarget(target);
    }

    @DeleteMapping("/targets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteTarget(@PathVariable UUID id) {
        alerts.deleteTarget(id);
    }

    @PostMapping("/targets/{id}/test")
    @Operation(summary = "Send a test message now and return the delivery with its outcome")
    public Delivery test(@PathVariable UUID id) {
        return alerts.sendTest(id);
    }

    @GetMapping("/rules")
    public List<AlertRule> rules() {
        return alerts.rules();
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    public AlertRule createRule(@RequestBody NewRule rule) {
        return alerts.createRule(rule);
    }

    @DeleteMapping("/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteRule(@PathVariable UUID id) {
        alerts.deleteRule(id);
    }

    @GetMapping("/deliveries")
    public List<Delivery> deliveries(@RequestParam(defaultValue = "100") int limit) {
        return alerts.deliveries(limit);
    }
}
