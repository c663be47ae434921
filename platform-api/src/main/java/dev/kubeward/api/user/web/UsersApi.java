package dev.kubeward.api.user.web;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.Paged;
import dev.kubeward.api.user.Invitations;
import dev.kubeward.api.user.Invitations.Invitation;
import dev.kubeward.api.user.Members;
import dev.kubeward.api.user.Members.Member;
import dev.kubeward.api.user.UserAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** Users and roles of the current tenant, and invitations (admin only). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users", description = "Members of the tenant, their roles, and invitations (admin)")
class UsersApi {

    record RoleChange(@NotNull Role role) {
    }

    record NewInvitation(@NotBlank @Email String email, @NotNull Role role) {
    }

    private final Members members;
    private final Invitations invitations;
    private final UserAdministration admin;

    UsersApi(Members members, Invitations invitations, UserAdministration admin) {
        this.members = members;
        this.invitations = invitations;
        this.admin = admin;
    }

    @GetMapping("/users")
    @Operation(summary = "List the tenant's users with their roles")
    Paged<Member> users(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Paged.of(members.list(), page, size);
    }

    @GetMapping("/users/{userId}")
    Member user(@PathVariable UUID userId) {
        return members.find(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user in this tenant"));
    }

    @PatchMapping("/users/{userId}")
    @Operation(summary = "Change a user's role")
    Member changeRole(@PathVariable UUID userId, @Valid @RequestBody RoleChange change) {
        return admin.changeRole(userId, change.role());
    }

    @DeleteMapping("/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a user from the tenant")
    void remove(@PathVariable UUID userId) {
        admin.remove(userId);
    }

    @GetMapping("/invitations")
    Paged<Invitation> invitations(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Paged.of(invitations.list(), page, size);
    }

    @GetMapping("/invitations/{invitationId}")
    Invitation invitation(@PathVariable UUID invitationId) {
        return invitations.find(invitationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation in this tenant"));
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite someone by email; they join with this role at their next sign-in")
    Invitation invite(@Valid @RequestBody NewInvitation body) {
        return admin.invite(body.email(), body.role());
    }

    @DeleteMapping("/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID invitationId) {
        admin.revokeInvitation(invitationId);
    }
}
