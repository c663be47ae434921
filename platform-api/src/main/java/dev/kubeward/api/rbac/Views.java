package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.GrantRow;
import dev.kubeward.api.rbac.RbacAnswers.NodeView;
import dev.kubeward.api.rbac.RbacAnswers.ObjectView;
import dev.kubeward.api.rbac.RbacAnswers.RiskBadge;
import dev.kubeward.api.rbac.RbacAnswers.RuleView;
import dev.kubeward.api.rbac.RbacAnswers.SubjectView;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.PolicyRule;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;

import java.util.List;

/** Engine objects to API records. */
final class Views {

    private Views() {
    }

    static SubjectView subject(Subject s) {
        return new SubjectView(s.kind().name(), s.name(), s.namespace(), NodeIds.of(s));
    }

    static ObjectView binding(Binding b) {
        return new ObjectView(b.kind(), b.namespace(), b.name(), NodeIds.of(b), b.builtIn());
    }

    static ObjectView role(Role r) {
        return new ObjectView(r.kind(), r.namespace(), r.name(), NodeIds.of(r), r.builtIn());
    }

    /** The role a binding names; a missing one is reported with its name and {@code builtIn=false}. */
    static ObjectView roleOf(Binding b) {
        if (b.role() != null) return role(b.role());
        String kind = b.roleKind().isEmpty() ? "ClusterRole" : b.roleKind();
        return new ObjectView(kind, "Role".equals(kind) ? b.namespace() : null, b.roleName(), NodeIds.roleOf(b), false);
    }

    static List<RiskBadge> badges(List<RiskCatalogue.Risk> risks) {
        return risks.stream().map(r -> new RiskBadge(r.id(), r.level().id(), r.label())).toList();
    }

    static RuleView rule(int index, PolicyRule r, boolean clusterWide, RiskCatalogue catalogue) {
        List<RiskCatalogue.Risk> risks = catalogue.risks(r, clusterWide);
        return new RuleView(index, r.verbs(), r.apiGroups(), r.resources(), r.resourceNames(), r.nonResourceURLs(), text(r),
                RiskCatalogue.highest(risks).id(), badges(risks));
    }

    static GrantRow grant(Grant g, RiskCatalogue catalogue) {
        RuleView rule = rule(g.ruleIndex(), g.rule(), g.clusterWide(), catalogue);
        return new GrantRow(subject(g.subject()), binding(g.binding()), role(g.role()), rule,
                g.clusterWide() ? "cluster-wide" : g.namespace(), rule.risk());
    }

    static NodeView node(GraphNode n) {
        return new NodeView(NodeIds.of(n), NodeIds.kindOf(n), NodeIds.labelOf(n), n.namespace());
    }

    static NodeView node(Subject s) {
        return node(GraphNode.of(s));
    }

    /** {@code get,list secrets} / {@code * *.*} / {@code get /healthz}: what a permission node shows. */
    static String text(PolicyRule r) {
        StringBuilder b = new StringBuilder(String.join(",", r.verbs())).append(' ');
        if (!r.nonResourceURLs().isEmpty() && r.resources().isEmpty()) return b.append(String.join(",", r.nonResourceURLs())).toString();
        List<String> groups = r.apiGroups().stream().map(g -> g.isEmpty() ? "core" : g).toList();
        b.append(String.join(",", r.resources()));
        if (groups.contains("*")) b.append(" [all groups]");
        else if (!groups.equals(List.of("core"))) b.append(" [").append(String.join(",", groups)).append(']');
        if (!r.resourceNames().isEmpty()) b.append(" names=").append(String.join(",", r.resourceNames()));
        return b.toString();
    }

    static Subject subjectOf(GraphNode n) {
        return switch (n.type()) {
            case USER -> Subject.user(n.name());
            case GROUP -> Subject.group(n.name());
            case SERVICE_ACCOUNT -> Subject.serviceAccount(n.namespace(), n.name());
            default -> null;
        };
    }

    /** The subject a node id names ({@code user:}, {@code group:}, {@code sa:ns/name}), or null. */
    static Subject subjectOf(String id) {
        String rest = NodeIds.rest(id);
        return switch (NodeIds.prefix(id)) {
            case "user" -> Subject.user(rest);
            case "group" -> Subject.group(rest);
            case "sa" -> {
                int slash = rest.indexOf('/');
                yield slash < 0 ? null : Subject.serviceAccount(rest.substring(0, slash), rest.substring(slash + 1));
            }
            default -> null;
        };
    }

    /** A subject from API parameters: kind User, Group or ServiceAccount (namespace required for the last). */
    static Subject subject(String kind, String name, String namespace) {
        if (name == null || name.isBlank()) throw new RbacBadRequest("name is required");
        if (kind == null || kind.isBlank()) throw new RbacBadRequest("kind is required (User, Group or ServiceAccount)");
        return switch (kind.trim().toLowerCase()) {
            case "user" -> Subject.user(name.trim());
            case "group" -> Subject.group(name.trim());
            case "serviceaccount", "sa" -> {
                if (namespace == null || namespace.isBlank()) throw new RbacBadRequest("namespace is required for a ServiceAccount");
                yield Subject.serviceAccount(namespace.trim(), name.trim());
            }
            default -> throw new RbacBadRequest("kind must be User, Group or ServiceAccount");
        };
    }
}
