package dev.kubeward.api.alert.web;

import dev.kubeward.api.alert.AlertAdmin;
import dev.kubeward.api.alert.AlertAdmin.CreatedTarget;
import dev.kubeward.api.alert.AlertAdmin.NewRule;
import dev.kubeward.api.alert.AlertAdmin.NewTarget;
import dev.kubeward.api.alert.AlertRule;
import dev.kubeward.api.alert.Delivery;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.function.Supplier;

/** Settings › Alerts: targets (with "send test"), rules, and the delivery log. */
@UiPage
@Controller
class AlertPages {

    private final AlertAdmin alerts;

    AlertPages(AlertAdmin alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String index() {
        return "redirect:/alerts/targets";
    }

    @GetMapping("/alerts/targets")
    String targets(Model model) {
        model.addAttribute("targets", alerts.targets());
        model.addAttribute("tab", "targets");
        return "alerts/targets";
    }

    @PostMapping("/alerts/targets")
    String createTarget(@RequestParam String name, @RequestParam String kind, @RequestParam(required = false) String url,
                        @RequestParam(required = false) String emailTo, RedirectAttributes flash) {
        try {
            CreatedTarget t = alerts.createTarget(new NewTarget(name, kind, url, emailTo, null));
            flash.addFlashAttribute("message", "Target '" + t.target().name() + "' created.");
            if (t.secret() != null) flash.addFlashAttribute("secret", t.secret());
        } catch (IllegalArgumentException | ResponseStatusException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:/alerts/targets";
    }

    @PostMapping("/alerts/targets/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, "/alerts/deliveries", () -> {
            Delivery d = alerts.sendTest(id);
            return "Test message to '" + d.targetName() + "': " + ("delivered".equals(d.status()) ? "delivered"
                    : "not delivered (" + d.lastError() + "), will retry");
        });
    }

    @PostMapping("/alerts/targets/{id}/delete")
    String deleteTarget(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, "/alerts/targets", () -> {
            alerts.deleteTarget(id);
            return "Target deleted.";
        });
    }

    @GetMapping("/alerts/rules")
    String rules(Model model) {
        model.addAttribute("rules", alerts.rules());
        model.addAttribute("targets", alerts.targets());
        model.addAttribute("kinds", AlertRule.KINDS);
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks().stream().map(Framework::name).sorted().toList());
        model.addAttribute("tab", "rules");
        return "alerts/rules";
    }

    @PostMapping("/alerts/rules")
    String createRule(@RequestParam String name, @RequestParam String kind, @RequestParam UUID targetId,
                      @RequestParam(required = false) String severity, @RequestParam(required = false) String framework,
                      @RequestParam(required = false) Double threshold, @RequestParam(required = false) Integer minutes, RedirectAttributes flash) {
        return act(flash, "/alerts/rules", () -> "Rule '" + alerts.createRule(new NewRule(name, kind, targetId, severity, framework, threshold,
                minutes)).name() + "' created.");
    }

    @PostMapping("/alerts/rules/{id}/delete")
    String deleteRule(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, "/alerts/rules", () -> {
            alerts.deleteRule(id);
            return "Rule deleted.";
        });
    }

    @GetMapping("/alerts/deliveries")
    String deliveries(Model model) {
        model.addAttribute("deliveries", alerts.deliveries(200));
        model.addAttribute("tab", "deliveries");
        return "alerts/deliveries";
    }

    private static String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException | ResponseStatusException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return "redirect:" + back;
    }

    private static String message(RuntimeException e) {
        return e instanceof ResponseStatusException r ? r.getReason() : e.getMessage();
    }
}
