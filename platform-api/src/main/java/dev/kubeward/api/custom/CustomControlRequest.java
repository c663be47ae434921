package dev.kubeward.api.custom;

import java.util.List;
import java.util.Map;

/**
 * A custom control as written by its author. {@code slug} makes the id {@code KW-CUSTOM-<slug>} on create and
 * is ignored on update (ids are stable: findings and exceptions refer to them). {@code namespaceSelector} is a
 * Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}); {@code enabled} defaults to true.
 */
public record CustomControlRequest(String slug, String name, String description, String severity, String remediation,
                                   List<String> matchKinds, Map<String, Object> namespaceSelector, String expression,
                                   String messageExpression, Boolean enabled) {
}
