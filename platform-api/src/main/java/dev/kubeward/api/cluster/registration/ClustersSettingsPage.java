package dev.kubeward.api.cluster.registration;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** Settings → Clusters (admin): register (install command shown once), rotate the secret, remove. */
@Controller
@RequestMapping("/settings/clusters")
@PreAuthorize("hasRole('ADMIN')")
class ClustersSettingsPage {

    private final ClusterRegistration registration;

    ClustersSettingsPage(ClusterRegistration registration) {
        this.registration = registration;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("clusters", registration.list());
        model.addAttribute("providers", ClusterRegistration.PROVIDERS.stream().sorted().toList());
        return "settings/clusters";
    }

    @PostMapping
    String register(@RequestParam String name, @RequestParam(defaultValue = "unknown") String provider, Model model) {
        try {
            model.addAttribute("registered", registration.register(name, provider, ClusterRegistrationApi.baseUrl()));
        } catch (ResponseStatusException e) {
            model.addAttribute("error", e.getReason());
        }
        return page(model);
    }

    @PostMapping("/{clusterId}/rotate")
    String rotate(@PathVariable UUID clusterId, Model model) {
        model.addAttribute("registered", registration.rotate(clusterId, ClusterRegistrationApi.baseUrl()));
        return page(model);
    }

    @PostMapping("/{clusterId}/delete")
    String delete(@PathVariable UUID clusterId, Model model) {
        registration.delete(clusterId);
        model.addAttribute("message", "Cluster removed.");
        return page(model);
    }
}
