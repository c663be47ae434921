package dev.kubeward.api.token.web;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.token.TokenCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

/**
 * Settings → API tokens (admin). A new token is rendered in the response to the creating POST — not
 * redirected through the session — and is gone when the page is left.
 */
@Controller
@RequestMapping("/settings/tokens")
@PreAuthorize("hasRole('ADMIN')")
class TokensSettingsPage {

    private final TokenCatalog catalog;

    TokensSettingsPage(TokenCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("tokens", catalog.list());
        model.addAttribute("roles", List.of(Role.values()));
        return "settings/tokens";
    }

    @PostMapping
    String create(@RequestParam String name, @RequestParam Role role, @RequestParam(defaultValue = "90") int expiresInDays, Model model) {
        try {
            TokenCatalog.Created created = catalog.create(name, role, expiresInDays);
            model.addAttribute("created", created);
        } catch (ResponseStatusException e) {
            model.addAttribute("error", e.getReason());
        }
        return page(model);
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable UUID tokenId, Model model) {
        catalog.revoke(tokenId);
        model.addAttribute("message", "Token revoked.");
        return page(model);
    }
}
