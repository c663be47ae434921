package dev.kubeward.api.security.web;

import dev.kubeward.api.security.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The UI's sign-in page: the configured providers as buttons, or straight to the only one. With
 * {@code ?error} it never redirects, so a failing provider shows a message instead of a redirect loop.
 */
@Controller
class SignInPages implements WebMvcConfigurer {

    private final ClientRegistrationRepository clients;

    SignInPages(ClientRegistrationRepository clients) {
        this.clients = clients;
    }

    @GetMapping("/auth/sign-in")
    String signIn(@RequestParam(required = false) String error, Model model) {
        List<ClientRegistration> providers = clients instanceof ClientRegistrations r ? r.list() : List.of();
        if (error == null && providers.size() == 1) return "redirect:/oauth2/authorization/" + providers.get(0).getRegistrationId();
        model.addAttribute("providers", providers);
        model.addAttribute("error", error != null);
        return "auth/sign-in";
    }

    @GetMapping("/auth/signed-out")
    String signedOut() {
        return "auth/signed-out";
    }

    @GetMapping("/auth/no-tenant")
    String noTenant() {
        return "auth/no-tenant";
    }

    /**
     * A placeholder landing page. A view controller ranks after annotated handlers, so the dashboard's own
     * {@code @GetMapping("/")} replaces it without a mapping conflict.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("auth/home");
        registry.addViewController("/settings").setViewName("settings/index");
    }
}
