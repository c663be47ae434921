package dev.kubeward.api.user.web;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.user.Invitations;
import dev.kubeward.api.user.Members;
import dev.kubeward.api.user.UserAdministration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Settings → Users and roles: invite, change role, remove (admin). */
@Controller
@RequestMapping("/settings/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersSettingsPage {

    private final Members members;
    private final Invitations invitations;
    private final UserAdministration admin;

    UsersSettingsPage(Members members, Invitations invitations, UserAdministration admin) {
        this.members = members;
        this.invitations = invitations;
        this.admin = admin;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("members", members.list());
        model.addAttribute("invitations", invitations.list().stream().filter(i -> i.acceptedAt() == null).toList());
        model.addAttribute("roles", List.of(Role.values()));
        return "settings/users";
    }

    @PostMapping("/invite")
    String invite(@RequestParam String email, @RequestParam Role role, RedirectAttributes flash) {
        return act(flash, () -> "Invited " + admin.invite(email, role).email() + " as " + role.dbValue() + ".");
    }

    @PostMapping("/{userId}/role")
    String role(@PathVariable UUID userId, @RequestParam Role role, RedirectAttributes flash) {
        return act(flash, () -> "Role changed to " + admin.changeRole(userId, role).role().dbValue() + ".");
    }

    @PostMapping("/{userId}/remove")
    String remove(@PathVariable UUID userId, RedirectAttributes flash) {
        return act(flash, () -> {
            admin.remove(userId);
            return "User removed from the tenant.";
        });
    }

    @PostMapping("/invitations/{invitationId}/revoke")
    String revoke(@PathVariable UUID invitationId, RedirectAttributes flash) {
        return act(flash, () -> {
            admin.revokeInvitation(invitationId);
            return "Invitation revoked.";
        });
    }

    private static String act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (ResponseStatusException e) {
            flash.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/settings/users";
    }
}
