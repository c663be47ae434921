package dev.kubeward.engine.rbac.permission;

/**
 * One rule granted to one subject through one binding, with its effective scope: {@code namespace} is the
 * RoleBinding's namespace, or {@code null} for a ClusterRoleBinding (every namespace and the cluster scope).
 * The provenance of every whoCan/whatCan answer: binding → role → rule index.
 */
public record Grant(Subject subject, Binding binding, Role role, int ruleIndex, PolicyRule rule) {

    public String namespace() {
        return binding.namespace();
    }

    public boolean clusterWide() {
        return binding.clusterWide();
    }

    /** Whether this grant authorizes the request in the request's own scope (the authorizer's decision). */
    public boolean allows(Request request) {
        if (!clusterWide() && (request.clusterScoped() || !request.namespace().equals(namespace()))) return false;
        if (!clusterWide() && !request.isResourceRequest()) return false;
        return rule.allows(request);
    }

    /**
     * Whether this grant authorizes the request in some scope: cluster-wide grants always count; a
     * RoleBinding counts only if the request can be made inside a namespace ({@link ResourceScopes}).
     */
    public boolean allowsSomewhere(Request request) {
        return allowsSomewhere(request, ResourceScopes.namespaceable(request));
    }

    /** {@link #allowsSomewhere(Request)} with the request's {@link ResourceScopes#namespaceable} known in advance. */
    public boolean allowsSomewhere(Request request, boolean namespaceable) {
        // NB: a rule never looks at the namespace, so the request is not re-scoped (this runs for every candidate grant)
        if (clusterWide()) return rule.allows(request);
        if (!request.isResourceRequest() || !namespaceable) return false;
        if ("namespaces".equals(request.resource()) && request.apiGroup().isEmpty() && request.name().isEmpty()) {
            return rule.allows(request.named(namespace())); // a RoleBinding reaches its own Namespace object only
        }
        return rule.allows(request);
    }

    public String display() {
        return subject.display() + " via " + binding.display() + " → " + role.display() + " rules[" + ruleIndex + "]";
    }
}
