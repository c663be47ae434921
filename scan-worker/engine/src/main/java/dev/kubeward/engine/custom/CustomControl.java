package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A control a tenant writes in CEL, the language of Kubernetes ValidatingAdmissionPolicy, and with its
 * convention: {@code expression} states what must hold, so it is true when the object <em>passes</em>.
 * It sees {@code object} (the resource) and {@code namespaceObject} (its Namespace; an empty map when the
 * object is cluster-scoped or its Namespace is not in the snapshot). {@code messageExpression}, if set, is a
 * CEL string expression for the finding's message. {@code namespaceSelector} is a metav1.LabelSelector over
 * the labels of the object's Namespace; null matches every namespace.
 */
public record CustomControl(String id, String name, String description, Severity severity, String remediation, List<String> matchKinds,
                            JsonNode namespaceSelector, String expression, String messageExpression) {

    public static final String ID_PREFIX = "KW-CUSTOM-";
    public static final String CATEGORY = "Custom";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public CustomControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        matchKinds = matchKinds == null ? List.of() : List.copyOf(matchKinds);
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        remediation = remediation == null ? "" : remediation;
        expression = expression == null ? "" : expression;
        messageExpression = messageExpression == null || messageExpression.isBlank() ? null : messageExpression;
        if (namespaceSelector != null && (namespaceSelector.isNull() || namespaceSelector.isMissingNode())) namespaceSelector = null;
    }

    /** {@code KW-CUSTOM-<slug>}; the slug is lower-case letters, digits and dashes (a DNS label). */
    public static String idFor(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be 1-63 lower-case letters, digits or '-', starting and ending with a letter or digit: " + slug);
        }
        return ID_PREFIX + slug;
    }

    /** True for ids of the form {@code KW-CUSTOM-<slug>}. */
    public static boolean isCustomId(String id) {
        return id != null && id.startsWith(ID_PREFIX) && SLUG.matcher(id.substring(ID_PREFIX.length())).matches();
    }

    /**
     * The control as the catalogue knows controls: its one rule is named after the control, it belongs to no
     * framework, and its base score is the lowest of its severity band so that {@link ControlDefinition#severity()}
     * gives back the severity the tenant chose.
     */
    public ControlDefinition toDefinition() {
        return new ControlDefinition(id, name, description, "", remediation, baseScore(severity), CATEGORY, List.of(id), List.of(),
                "per-resource", List.of(), Map.of());
    }

    static double baseScore(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 9.0;
            case HIGH -> 7.0;
            case MEDIUM -> 4.0;
            case LOW -> 1.0;
        };
    }
}
