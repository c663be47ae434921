package dev.kubeward.api.alert;

import dev.kubeward.api.alert.internal.AlertStore;
import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Settings › Alerts: targets and rules (admins change them, everyone reads), the delivery log, "send test". */
@Service
public class AlertAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertStore store;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final AlertOutbox outbox;
    private final DeliveryDispatcher dispatcher;

    public AlertAdmin(AlertStore store, SecretCipher cipher, AuditLog audit, AlertOutbox outbox, DeliveryDispatcher dispatcher) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    /** A new target; {@code secret} is the webhook signing secret, shown once (generated when the caller gave none). */
    public record CreatedTarget(AlertTarget target, String secret) {
    }

    public record NewTarget(String name, String kind, String url, String emailTo, String secret) {
    }

    public record NewRule(String name, String kind, UUID targetId, String severity, String framework, Double threshold, Integer minutes) {
    }

    public List<AlertTarget> targets() {
        return store.targets(TenantContext.require());
    }

    public List<AlertRule> rules() {
        return store.rules(TenantContext.require());
    }

    public List<Delivery> deliveries(int limit) {
        return store.deliveries(TenantContext.require(), Math.max(1, Math.min(limit, 500)));
    }

    public CreatedTarget createTarget(NewTarget t) {
        KubewardPrincipal who = admin();
        String kind = t.kind() == null ? "" : t.kind().trim().toLowerCase(Locale.ROOT);
        if (!AlertTarget.KINDS.contains(kind)) throw new IllegalArgumentException("kind must be webhook, slack or email");
        if (t.name() == null || t.name().isBlank()) throw new IllegalArgumentException("name is required");
        String url = null, emailTo = null, secret = null;
        if (kind.equals("email")) {
            if (t.emailTo() == null || !t.emailTo().contains("@")) throw new IllegalArgumentException("emailTo must hold an address");
            emailTo = t.emailTo().trim();
        } else {
            url = checkUrl(t.url());
            if (kind.equals("webhook")) secret = t.secret() == null || t.secret().isBlank() ? newSecret() : t.secret();
        }
        AlertTarget target = new AlertTarget(UUID.randomUUID(), t.name().trim(), kind, url, emailTo, secret != null, true, who.name(), null);
        try {
            store.insertTarget(TenantContext.require(), target, secret == null ? null : cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a target named '" + target.name() + "' exists");
        }
        audit.record("alert.target.created", "alert-target:" + target.id(), Map.of("name", target.name(), "kind", kind,
                "destination", url != null ? URI.create(url).getHost() : emailTo));
        return new CreatedTarget(store.targets(TenantContext.require()).stream().filter(x -> x.id().equals(target.id())).findFirst().orElseThrow(),
                secret);
    }

    public void deleteTarget(UUID id) {
        admin();
        if (!store.deleteTarget(TenantContext.require(), id)) throw new NotFoundException("alert target", id);
        audit.record("alert.target.deleted", "alert-target:" + id, Map.of());
    }

    public AlertRule createRule(NewRule r) {
        KubewardPrincipal who = admin();
        UUID tenant = TenantContext.require();
        String kind = r.kind() == null ? "" : r.kind().trim().toLowerCase(Locale.ROOT);
        if (!AlertRule.KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + AlertRule.KINDS);
        if (r.name() == null || r.name().isBlank()) throw new IllegalArgumentException("name is required");
        if (r.targetId() == null || store.target(tenant, r.targetId()).isEmpty()) throw new IllegalArgumentException("unknown target");
        String severity = null, framework = null;
        Double threshold = null;
        Integer minutes = null;
        switch (kind) {
            case "new-findings" -> {
                severity = r.severity() == null ? "high" : r.severity().trim().toLowerCase(Locale.ROOT);
                if (!List.of("critical", "high", "medium", "low").contains(severity)) throw new IllegalArgumentException("bad severity");
            }
            case "score-drop" -> {
                framework = ControlCatalog.standard().framework(r.framework() == null ? "" : r.framework())
                        .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + r.framework() + "'")).name();
                if (r.threshold() == null || r.threshold() < 0 || r.threshold() > 100) throw new IllegalArgumentException("threshold must be 0-100");
                threshold = r.threshold();
            }
            case "agent-silent" -> {
                if (r.minutes() == null || r.minutes() < 1) throw new IllegalArgumentException("minutes must be at least 1");
                minutes = r.minutes();
            }
            default -> { }
        }
        AlertRule rule = new AlertRule(UUID.randomUUID(), r.name().trim(), kind, r.targetId(), severity, framework, threshold, minutes, true);
        try {
            store.insertRule(tenant, rule, who.name());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rule named '" + rule.name() + "' exists");
        }
        audit.record("alert.rule.created", "alert-rule:" + rule.id(), Map.of("name", rule.name(), "kind", kind));
        return rule;
    }

    public void deleteRule(UUID id) {
        admin();
        if (!store.deleteRule(TenantContext.require(), id)) throw new NotFoundException("alert rule", id);
        audit.record("alert.rule.deleted", "alert-rule:" + id, Map.of());
    }

    /** Sends a test message to the target now and returns the delivery with its outcome. */
    public Delivery sendTest(UUID targetId) {
        KubewardPrincipal who = CurrentTenant.require();
        if (!who.can(Role.ANALYST)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the analyst role");
        AlertTarget t = store.target(TenantContext.require(), targetId).orElseThrow(() -> new NotFoundException("alert target", targetId)).target();
        long id = outbox.enqueue(targetId, null, "test", "Test message from Kubeward", "Sent by " + who.name() + " to check the target '"
                + t.name() + "'.", Map.of("target", t.name()), "test:" + UUID.randomUUID()).orElseThrow();
        audit.record("alert.target.tested", "alert-target:" + targetId, Map.of("delivery", id));
        return dispatcher.sendNow(id).orElseThrow();
    }

    private static KubewardPrincipal admin() {
        KubewardPrincipal who = CurrentTenant.require();
        if (!who.isAdmin()) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the admin role");
        return who;
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("url is required");
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL");
        }
        if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null) {
            throw new IllegalArgumentException("url must be http(s) with a host");
        }
        return u.toString();
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
