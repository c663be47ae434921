package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * "Can the subject do one of these verbs on one of these resources?", answered with the authorizer's
 * semantics: wildcards, {@code * /subresource}, resourceNames, and the scope of RoleBindings (which never
 * reach cluster-scoped resources). By default the question is asked in every namespace and cluster-wide;
 * {@link #in(String)} and {@link #named(String)} narrow it to one object.
 */
public final class Probe implements GrantMatcher {

    private final List<String> verbs;
    private final String group;
    private final List<String> resources;
    private final String namespace;
    private final String name;
    private final List<Request> requests;

    private Probe(List<String> verbs, String group, List<String> resources, String namespace, String name) {
        this.verbs = List.copyOf(verbs);
        this.group = group;
        this.resources = List.copyOf(resources);
        this.namespace = namespace;
        this.name = name;
        this.requests = buildRequests();
    }

    /** {@code verbs} on {@code resources} (each possibly {@code resource/subresource}) of one API group. */
    public static Probe can(List<String> verbs, String group, String... resources) {
        return new Probe(verbs, group, List.of(resources), null, null);
    }

    /** Any verb at all on these resources; an empty verb list stands for "whatever verb". */
    public static Probe anyVerb(String group, String... resources) {
        return new Probe(List.of(), group, List.of(resources), null, null);
    }

    public Probe in(String ns) {
        return new Probe(verbs, group, resources, ns, name);
    }

    public Probe named(String n) {
        return new Probe(verbs, group, resources, namespace, n);
    }

    private List<Request> requests() {
        return requests;
    }

    private List<Request> buildRequests() {
        List<Request> out = new ArrayList<>();
        for (String r : resources) {
            Request base = Request.of("", group, r, namespace, name);
            if (verbs.isEmpty()) out.add(base);
            for (String v : verbs) out.add(base.withVerb(v));
        }
        return out;
    }

    private boolean matches(Grant g, Request r) {
        if (verbs.isEmpty()) {
            if (namespace != null && !g.clusterWide() && !namespace.equals(g.namespace())) return false;
            return g.rule().allowsSomeVerb(r);
        }
        return namespace == null ? g.allowsSomewhere(r) : g.allows(r);
    }

    @Override
    public boolean test(Grant g) {
        for (Request r : requests()) if (matches(g, r)) return true;
        return false;
    }

    @Override
    public List<Grant> find(RbacIndex index) {
        Set<Grant> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Grant> out = new ArrayList<>();
        for (Request r : requests()) {
            List<Grant> hits = verbs.isEmpty() ? index.grants().stream().filter(g -> matches(g, r)).toList()
                    : namespace == null ? index.whoCanSomewhere(r) : index.whoCan(r);
            for (Grant g : hits) if (seen.add(g)) out.add(g);
        }
        return out;
    }
}
