package dev.kubeward.api.exception;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which findings an exception covers. Every non-empty dimension must match; an empty one matches anything.
 * Clusters match by name or id; namespaces and names accept glob patterns ({@code *} any run, {@code ?} one
 * character); kinds match case-insensitively; every label must be present on the resource with that value
 * ({@code *} as value: present with any value). Controls are Kubescape ids ({@code C-0057}) or ours.
 */
public record ExceptionScope(List<String> controls, List<String> clusters, List<String> namespaces, List<String> kinds,
                             List<String> names, Map<String, String> labels) {

    public ExceptionScope {
        controls = clean(controls);
        clusters = clean(clusters);
        namespaces = clean(namespaces);
        kinds = clean(kinds);
        names = clean(names);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** What a finding offers to be matched against. */
    public record Target(String controlId, String clusterId, String clusterName, String kind, String namespace, String name,
                         Map<String, String> labels) {
    }

    public boolean matches(Target t) {
        if (!controls.isEmpty() && !controls.contains(t.controlId())) return false;
        if (!clusters.isEmpty() && clusters.stream().noneMatch(c -> c.equals(t.clusterId()) || glob(c, t.clusterName()))) return false;
        if (!namespaces.isEmpty() && namespaces.stream().noneMatch(n -> glob(n, t.namespace()))) return false;
        if (!kinds.isEmpty() && kinds.stream().noneMatch(k -> k.equalsIgnoreCase(t.kind()))) return false;
        if (!names.isEmpty() && names.stream().noneMatch(n -> glob(n, t.name()))) return false;
        for (Map.Entry<String, String> l : labels.entrySet()) {
            String actual = t.labels() == null ? null : t.labels().get(l.getKey());
            if (actual == null || !glob(l.getValue(), actual)) return false;
        }
        return true;
    }

    /** Labels are only read from resources when some exception asks for them. */
    public boolean needsLabels() {
        return !labels.isEmpty();
    }

    static boolean glob(String pattern, String value) {
        if (value == null) value = "";
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) return pattern.equals(value);
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), value);
    }

    private static List<String> clean(List<String> values) {
        if (values == null) return List.of();
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }
}
