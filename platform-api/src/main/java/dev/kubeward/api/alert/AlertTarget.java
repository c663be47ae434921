package dev.kubeward.api.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * Where alerts go. {@code webhook}: JSON POST signed with HMAC-SHA256 ({@link WebhookSignature}); {@code slack}: a
 * Slack-compatible incoming webhook ({@code {"text": ...}}); {@code email}: SMTP, when {@code spring.mail.host} is
 * configured. The signing secret is never shown again after creation; {@link #signed()} says whether one is set.
 */
public record AlertTarget(UUID id, String name, String kind, String url, String emailTo, boolean signed, boolean enabled,
                          String createdBy, Instant createdAt) {

    public static final java.util.Set<String> KINDS = java.util.Set.of("webhook", "slack", "email");
}
