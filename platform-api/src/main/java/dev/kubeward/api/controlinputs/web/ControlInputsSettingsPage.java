package dev.kubeward.api.controlinputs.web;

import dev.kubeward.api.controlinputs.ControlInputSettings;
import dev.kubeward.api.controlinputs.InvalidControlInputs;
import dev.kubeward.api.ui.UiPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Settings → Control inputs: everyone reads what the scans use; admins edit (one value per line) or reset to the default. */
@UiPage
@Controller
@RequestMapping("/settings/control-inputs")
class ControlInputsSettingsPage {

    private final ControlInputSettings settings;

    ControlInputsSettingsPage(ControlInputSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    String page(Model model) {
        model.addAttribute("inputs", settings.list());
        return "settings/control-inputs";
    }

    @PostMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@PathVariable String name, @RequestParam(defaultValue = "") String values, Model model) {
        List<String> lines = Arrays.stream(values.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try {
            settings.set(Map.of(name, lines));
            model.addAttribute("message", name + " saved; it applies from the next scan of each cluster.");
        } catch (InvalidControlInputs e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/{name}/reset")
    @PreAuthorize("hasRole('ADMIN')")
    String reset(@PathVariable String name, Model model) {
        settings.reset(List.of(name));
        model.addAttribute("message", name + " is back to Kubescape's default.");
        return page(model);
    }
}
