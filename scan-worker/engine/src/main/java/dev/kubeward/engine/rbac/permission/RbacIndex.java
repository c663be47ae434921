package dev.kubeward.engine.rbac.permission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RBAC state of one snapshot, resolved once: roles with their aggregated rules, bindings with normalised
 * subjects, and every grant (subject × binding × rule) indexed by subject and by resource, so that
 * {@link #whoCan}, {@link #whatCan} and {@link #allows} answer without scanning all roles. Follows the
 * Kubernetes RBAC authorizer: a request without namespace is granted only by ClusterRoleBindings; a request
 * in a namespace also by that namespace's RoleBindings; {@code system:masters} bypasses RBAC.
 * Immutable and thread-safe.
 */
public final class RbacIndex {

    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final Map<Subject, List<Grant>> bySubject = new HashMap<>();
    private final Map<String, List<Grant>> byResource = new HashMap<>();
    private final List<Grant> nonResource = new ArrayList<>();
    private final Map<Binding, Integer> bindingOrder = new IdentityHashMap<>();
    private final Set<Role> aggregationSources = Collections.newSetFromMap(new IdentityHashMap<>());

    private RbacIndex(SnapshotIndex index) {
        List<KubeObject> clusterRoles = index.ofKind("ClusterRole");
        Map<String, List<PolicyRule>> clusterRules = Aggregation.effectiveRules(clusterRoles);
        for (KubeObject cr : clusterRoles) {
            if (cr.name() == null) continue;
            roles.putIfAbsent(key("ClusterRole", null, cr.name()), new Role(cr, true, null, cr.name(),
                    clusterRules.getOrDefault(cr.name(), List.of()), Aggregation.isAggregated(cr), BuiltInRbac.isBuiltIn(cr)));
        }
        for (KubeObject r : index.ofKind("Role")) {
            if (r.name() == null) continue;
            String ns = orDefault(r.namespace());
            roles.putIfAbsent(key("Role", ns, r.name()), new Role(r, false, ns, r.name(), Aggregation.storedRules(r), false,
                    BuiltInRbac.isBuiltIn(r)));
        }
        List<KubeObject> sortedClusterRoles = new ArrayList<>(clusterRoles);
        sortedClusterRoles.sort(java.util.Comparator.comparing(o -> o.name() == null ? "" : o.name()));
        for (KubeObject cr : clusterRoles) {
            if (!Aggregation.isAggregated(cr)) continue;
            for (KubeObject src : Aggregation.sourcesOf(cr, sortedClusterRoles)) {
                Role role = roles.get(key("ClusterRole", null, src.name()));
                if (role != null) aggregationSources.add(role);
            }
        }
        for (KubeObject b : index.ofKind("ClusterRoleBinding")) addBinding(b, null);
        for (KubeObject b : index.ofKind("RoleBinding")) addBinding(b, orDefault(b.namespace()));
    }

    /** The index of a snapshot, built once and shared by every rule that asks. */
    public static RbacIndex of(SnapshotIndex index) {
        return index.memo(RbacIndex.class, RbacIndex::new);
    }

    /** Builds a fresh index (tests, or callers that hold no {@link SnapshotIndex}). */
    public static RbacIndex build(SnapshotIndex index) {
        return new RbacIndex(index);
    }

    private static String orDefault(String ns) {
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    private static String key(String kind, String ns, String name) {
        return kind + "\u0000" + (ns == null ? "" : ns) + "\u0000" + name;
    }

    private void addBinding(KubeObject b, String namespace) {
        JsonNode ref = b.json().path("roleRef");
        String roleKind = ref.path("kind").asText("");
        String roleName = ref.path("name").asText("");
        Role role = switch (roleKind) {
            case "ClusterRole" -> roles.get(key("ClusterRole", null, roleName));
            // a ClusterRoleBinding cannot refer to a Role; the API server rejects it
            case "Role" -> namespace == null ? null : roles.get(key("Role", namespace, roleName));
            default -> null;
        };
        List<Subject> subjects = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        JsonNode declared = b.json().path("subjects");
        for (int i = 0; i < declared.size(); i++) {
            int at = i;
            Subject.fromBinding(declared.get(i), namespace).ifPresent(s -> {
                subjects.add(s);
                indexes.add(at);
            });
        }
        Binding binding = new Binding(b, namespace, b.name(), roleKind, roleName, subjects, indexes, declared.size(), role,
                BuiltInRbac.isBuiltIn(b));
        bindingOrder.put(binding, bindings.size());
        bindings.add(binding);
        if (role == null) return;
        for (Subject s : new LinkedHashSet<>(subjects)) {
            for (int i = 0; i < role.rules().size(); i++) {
                PolicyRule rule = role.rules().get(i);
                Grant g = new Grant(s, binding, role, i, rule);
                grants.add(g);
                bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(g);
                if (!rule.nonResourceURLs().isEmpty() && binding.clusterWide()) nonResource.add(g);
                for (String res : new LinkedHashSet<>(rule.resources())) {
                    byResource.computeIfAbsent(res, k -> new ArrayList<>()).add(g);
                }
            }
        }
    }

    public List<Binding> bindings() {
        return Collections.unmodifiableList(bindings);
    }

    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    public List<Grant> grants() {
        return Collections.unmodifiableList(grants);
    }

    public Optional<Role> clusterRole(String name) {
        return Optional.ofNullable(roles.get(key("ClusterRole", null, name)));
    }

    public Optional<Role> role(String namespace, String name) {
        return Optional.ofNullable(roles.get(key("Role", orDefault(namespace), name)));
    }

    /** Whether some aggregated ClusterRole draws rules from this role (such roles are never bound directly). */
    public boolean isAggregationSource(Role role) {
        return aggregationSources.contains(role);
    }

    /** Every subject named in a binding that resolves to a role. */
    public Set<Subject> subjects() {
        return Collections.unmodifiableSet(bySubject.keySet());
    }

    /** Grants whose binding names this exact subject (no group expansion). */
    public List<Grant> grantsOf(Subject subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** Everything the subject may do: its own grants plus those of the groups it belongs to, implicit ones included. */
    public List<Grant> whatCan(Subject subject) {
        return grantsFor(Identity.of(subject));
    }

    public List<Grant> grantsFor(Identity identity) {
        List<Grant> out = new ArrayList<>();
        if (!identity.user().isEmpty()) out.addAll(grantsOf(Subject.user(identity.user())));
        for (String g : identity.groups()) out.addAll(grantsOf(Subject.group(g)));
        return out;
    }

    /** The authorizer's decision for this identity and request. */
    public boolean allows(Identity identity, Request request) {
        if (identity.superUser()) return true;
        for (Grant g : grantsFor(identity)) if (g.allows(request)) return true;
        return false;
    }

    /** The grants that authorize the request in its own scope (cluster when the request has no namespace). */
    public List<Grant> whoCan(Request request) {
        List<Grant> out = new ArrayList<>();
        for (Grant g : candidates(request)) if (g.allows(request)) out.add(g);
        return inBindingOrder(out);
    }

    /** ClusterRoleBindings first, then RoleBindings, each in snapshot order — the subject locator's order. */
    private List<Grant> inBindingOrder(List<Grant> grants) {
        grants.sort(java.util.Comparator.comparing((Grant g) -> g.clusterWide() ? 0 : 1)
                .thenComparing(g -> bindingOrder.get(g.binding())).thenComparing(Grant::ruleIndex));
        return grants;
    }

    /** whoCan(verb, group, resource[/subresource], namespace, name); a null or empty namespace asks cluster-wide. */
    public List<Grant> whoCan(String verb, String group, String resource, String subresource, String namespace, String name) {
        return whoCan(Request.of(verb, group, resource, namespace, name).withSubresource(subresource));
    }

    /**
     * The subjects allowed, as the API server's subject locator lists them: {@code system:masters} first, then the
     * subjects of the matching bindings.
     */
    public Set<Subject> subjectsWhoCan(Request request) {
        Set<Subject> out = new LinkedHashSet<>();
        out.add(Subject.group(Subject.MASTERS));
        whoCan(request).forEach(g -> out.add(g.subject()));
        return out;
    }

    /** The grants that authorize the request in some scope: any namespace, or cluster-wide. */
    public List<Grant> whoCanSomewhere(Request request) {
        List<Grant> out = new ArrayList<>();
        boolean namespaceable = ResourceScopes.namespaceable(request);
        for (Grant g : candidates(request)) if (g.allowsSomewhere(request, namespaceable)) out.add(g);
        return inBindingOrder(out);
    }

    private List<Grant> candidates(Request request) {
        if (!request.isResourceRequest()) return nonResource;
        Set<Grant> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Grant> out = new ArrayList<>();
        List<List<Grant>> lists = new ArrayList<>();
        lists.add(byResource.getOrDefault(request.combinedResource(), List.of()));
        lists.add(byResource.getOrDefault(PolicyRule.ALL, List.of()));
        String sub = request.subresource();
        if (sub != null && !sub.isEmpty()) lists.add(byResource.getOrDefault("*/" + sub, List.of()));
        for (List<Grant> l : lists) for (Grant g : l) if (seen.add(g)) out.add(g);
        return out;
    }

    /** Roles that no binding refers to. */
    public List<Role> unreferencedRoles() {
        Set<Role> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Binding b : bindings) if (b.role() != null) referenced.add(b.role());
        List<Role> out = new ArrayList<>();
        for (Role r : roles.values()) if (!referenced.contains(r)) out.add(r);
        return out;
    }

    /** Bindings whose role does not exist. */
    public List<Binding> danglingBindings() {
        return bindings.stream().filter(b -> b.role() == null).toList();
    }

    /** Service account subjects named by bindings, by namespace, for existence checks. */
    public Set<Subject> serviceAccountSubjects() {
        Set<Subject> out = new HashSet<>();
        for (Binding b : bindings) for (Subject s : b.subjects()) if (s.kind() == Subject.Kind.ServiceAccount) out.add(s);
        return out;
    }
}
