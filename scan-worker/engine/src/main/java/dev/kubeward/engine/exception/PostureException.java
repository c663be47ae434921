package dev.kubeward.engine.exception;

import dev.kubeward.engine.model.ObjectRef;

import java.util.List;
import java.util.Map;

/**
 * An accepted risk: which controls (or frameworks) and which resources it covers, and why. Read from
 * Kubescape's exception format ({@code postureExceptionPolicy}) so users keep their exception files; a
 * resource designator matches on {@code kind}, {@code namespace} and {@code name}, each optional and each
 * a glob ({@code *}, {@code ?}).
 */
public record PostureException(String name, String reason, List<String> controlIds, List<String> frameworks,
                               List<Map<String, String>> resources) {

    /** Whether this exception covers the control (of one of these frameworks) on this resource. */
    public boolean covers(String controlId, List<String> controlFrameworks, ObjectRef resource) {
        boolean control = controlIds.contains(controlId) || controlFrameworks.stream().anyMatch(frameworks::contains)
                || (controlIds.isEmpty() && frameworks.isEmpty());
        if (!control) return false;
        if (resources.isEmpty()) return true;
        return resources.stream().anyMatch(attrs -> matches(attrs.get("kind"), resource.kind())
                && matches(attrs.get("namespace"), resource.namespace() == null ? "" : resource.namespace())
                && matches(attrs.get("name"), resource.name()));
    }

    private static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.isEmpty()) return true;
        if (value == null) return false;
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
