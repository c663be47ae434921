package dev.kubeward.api.custom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored custom control as the API shows it. */
public record CustomControlView(UUID id, String controlId, String name, String description, String severity, String remediation,
                                List<String> matchKinds, Map<String, Object> namespaceSelector, String expression, String messageExpression,
                                boolean enabled, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
}
