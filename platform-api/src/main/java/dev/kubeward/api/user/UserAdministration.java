package dev.kubeward.api.user;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.api.user.Invitations.Invitation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.UUID;

/**
 * Admin actions on users: invite, change role, remove — each audited. A tenant always keeps at least one
 * admin, so nobody can lock the organisation out of its own settings. Unknown ids (including another
 * tenant's) answer 404.
 */
@Service
public class UserAdministration {

    private final Members members;
    private final Invitations invitations;
    private final AuditLog audit;

    public UserAdministration(Members members, Invitations invitations, AuditLog audit) {
        this.members = members;
        this.invitations = invitations;
        this.audit = audit;
    }

    @Transactional
    public Invitation invite(String email, Role role) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not an email address");
        Invitation inv = invitations.invite(email, role, CurrentTenant.require().name());
        audit.record("user.invited", "invitation:" + inv.id(), Map.of("email", inv.email(), "role", role.dbValue()));
        return inv;
    }

    @Transactional
    public void revokeInvitation(UUID id) {
        Invitation inv = invitations.find(id).orElseThrow(UserAdministration::notFound);
        invitations.revoke(id);
        audit.record("invitation.revoked", "invitation:" + id, Map.of("email", inv.email()));
    }

    @Transactional
    public Members.Member changeRole(UUID userId, Role role) {
        Members.Member m = members.find(userId).orElseThrow(UserAdministration::notFound);
        if (m.role() == Role.ADMIN && role != Role.ADMIN && members.admins() <= 1) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a tenant keeps at least one admin");
        }
        members.changeRole(userId, role);
        audit.record("user.role_changed", "user:" + userId, Map.of("email", String.valueOf(m.email()), "from", m.role().dbValue(), "to", role.dbValue()));
        return members.find(userId).orElseThrow();
    }

    @Transactional
    public void remove(UUID userId) {
        Members.Member m = members.find(userId).orElseThrow(UserAdministration::notFound);
        if (m.role() == Role.ADMIN && members.admins() <= 1) throw new ResponseStatusException(HttpStatus.CONFLICT, "a tenant keeps at least one admin");
        members.remove(userId);
        audit.record("user.removed", "user:" + userId, Map.of("email", String.valueOf(m.email()), "role", m.role().dbValue()));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user or invitation in this tenant");
    }
}
