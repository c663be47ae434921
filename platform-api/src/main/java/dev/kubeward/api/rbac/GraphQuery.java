package dev.kubeward.api.rbac;

import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Subject;

import java.util.Locale;

/**
 * Filters of the graph view: namespace, subject kind, minimum risk, hide Kubernetes' and vendors' defaults, free
 * text; and the node budget beyond which bindings are collapsed into aggregate nodes.
 */
public record GraphQuery(String namespace, Subject.Kind subjectKind, RiskLevel minRisk, boolean hideDefaults, String search,
                         int budget) {

    public static final int DEFAULT_BUDGET = 300;
    public static final int MAX_BUDGET = 3000;

    public GraphQuery {
        namespace = namespace == null || namespace.isBlank() ? null : namespace.trim();
        search = search == null || search.isBlank() ? null : search.trim().toLowerCase(Locale.ROOT);
        minRisk = minRisk == null ? RiskLevel.NONE : minRisk;
        if (budget < 20 || budget > MAX_BUDGET) throw new RbacBadRequest("budget must be between 20 and " + MAX_BUDGET);
    }

    public static Subject.Kind kind(String s) {
        if (s == null || s.isBlank()) return null;
        for (Subject.Kind k : Subject.Kind.values()) if (k.name().equalsIgnoreCase(s.trim())) return k;
        throw new RbacBadRequest("subjectKind must be User, Group or ServiceAccount");
    }

    /** Whether the binding passes the filters (the subjects shown are narrowed separately by {@link #shows}). */
    boolean matches(Binding b, ClusterRbac cr) {
        if (hideDefaults && b.builtIn()) return false;
        if (subjectKind != null && b.subjects().stream().noneMatch(s -> s.kind() == subjectKind)) return false;
        if (namespace != null) {
            boolean inNamespace = namespace.equals(b.namespace()) || b.clusterWide() && b.subjects().stream()
                    .anyMatch(s -> s.kind() == Subject.Kind.ServiceAccount && namespace.equals(s.namespace()));
            if (!inNamespace) return false;
        }
        if (!cr.risk(b).atLeast(minRisk)) return false;
        if (search != null) {
            if (contains(b.name()) || contains(b.roleName())) return true;
            return b.subjects().stream().anyMatch(s -> contains(s.name()) || contains(s.namespace()));
        }
        return true;
    }

    boolean shows(Subject s) {
        return subjectKind == null || s.kind() == subjectKind;
    }

    boolean hit(String text) {
        return search != null && contains(text);
    }

    private boolean contains(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(search);
    }
}
