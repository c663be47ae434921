package dev.kubeward.api.custom.web;

import dev.kubeward.api.custom.CustomControlRequest;
import dev.kubeward.api.custom.CustomControlService;
import dev.kubeward.api.custom.CustomControlView;
import dev.kubeward.api.custom.InvalidCustomControl;
import dev.kubeward.api.custom.TestRequest;
import dev.kubeward.api.custom.TestResult;
import dev.kubeward.api.ui.UiPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The custom-controls page: the tenant's controls, and an editor (CEL expression, sample object, "Test") that
 * saves through the same service as the API. The page's test button posts JSON to {@code /custom-controls/test}
 * with the session and its CSRF token (the {@code /api} chain takes bearer tokens only).
 */
@UiPage
@Controller
class CustomControlPages {

    private final CustomControlService controls;

    CustomControlPages(CustomControlService controls) {
        this.controls = controls;
    }

    @GetMapping("/custom-controls")
    String list(@RequestParam(required = false) UUID edit, Model model) {
        List<CustomControlView> all = controls.list();
        model.addAttribute("controls", all);
        model.addAttribute("editing", edit == null ? null : controls.get(edit));
        return "custom/custom-controls";
    }

    @PostMapping("/custom-controls")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    String save(@RequestParam(required = false) UUID id, @RequestParam(defaultValue = "") String slug, @RequestParam String name,
                @RequestParam(defaultValue = "") String description, @RequestParam String severity,
                @RequestParam(defaultValue = "") String remediation, @RequestParam String matchKinds, @RequestParam String expression,
                @RequestParam(defaultValue = "") String messageExpression, @RequestParam(defaultValue = "false") boolean enabled,
                RedirectAttributes flash) {
        List<String> kinds = Arrays.stream(matchKinds.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        CustomControlRequest r = new CustomControlRequest(slug, name, description, severity, remediation, kinds, null, expression,
                messageExpression.isBlank() ? null : messageExpression, enabled);
        try {
            CustomControlView saved = id == null ? controls.create(r) : controls.update(id, r);
            flash.addFlashAttribute("message", "Saved " + saved.controlId() + "; it runs from the next scan.");
        } catch (InvalidCustomControl e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draft", r);
            return id == null ? "redirect:/custom-controls" : "redirect:/custom-controls?edit=" + id;
        } catch (org.springframework.web.server.ResponseStatusException e) {
            flash.addFlashAttribute("error", e.getReason());
            flash.addFlashAttribute("draft", r);
        }
        return "redirect:/custom-controls";
    }

    @PostMapping("/custom-controls/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    String delete(@PathVariable UUID id, RedirectAttributes flash) {
        controls.delete(id);
        flash.addFlashAttribute("message", "Deleted.");
        return "redirect:/custom-controls";
    }

    @PostMapping(path = "/custom-controls/test", consumes = "application/json", produces = "application/json")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    @ResponseBody
    TestResult test(@RequestBody TestRequest request) {
        return controls.test(request);
    }
}
