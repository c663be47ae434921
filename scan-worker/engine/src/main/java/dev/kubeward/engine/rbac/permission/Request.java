package dev.kubeward.engine.rbac.permission;

/**
 * An authorization request as the API server sees it (authorizer.Attributes): a resource request
 * (verb, API group, resource, subresource, namespace, name) or a non-resource request (verb, path).
 * {@code namespace} is {@code null} or empty for cluster-scoped requests: those are only ever granted by
 * ClusterRoleBindings.
 */
public record Request(String verb, String apiGroup, String resource, String subresource, String namespace, String name,
                      String path) {

    public static Request resource(String verb, String apiGroup, String resource) {
        return new Request(verb, apiGroup, resource, "", "", "", null);
    }

    /** {@code resource} may be written {@code pods/exec}; it is split into resource and subresource. */
    public static Request of(String verb, String apiGroup, String resourceAndSub, String namespace, String name) {
        int slash = resourceAndSub.indexOf('/');
        String resource = slash < 0 ? resourceAndSub : resourceAndSub.substring(0, slash);
        String sub = slash < 0 ? "" : resourceAndSub.substring(slash + 1);
        return new Request(verb, apiGroup, resource, sub, nz(namespace), nz(name), null);
    }

    public static Request nonResource(String verb, String path) {
        return new Request(verb, "", "", "", "", "", path);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Request inNamespace(String ns) {
        return new Request(verb, apiGroup, resource, subresource, nz(ns), name, path);
    }

    public Request withSubresource(String sub) {
        return new Request(verb, apiGroup, resource, nz(sub), namespace, name, path);
    }

    public Request named(String n) {
        return new Request(verb, apiGroup, resource, subresource, namespace, nz(n), path);
    }

    public Request withVerb(String v) {
        return new Request(v, apiGroup, resource, subresource, namespace, name, path);
    }

    public boolean isResourceRequest() {
        return path == null;
    }

    public boolean clusterScoped() {
        return namespace == null || namespace.isEmpty();
    }

    /** {@code pods/exec} for a subresource request, else {@code pods}. */
    public String combinedResource() {
        return subresource == null || subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    @Override
    public String toString() {
        if (!isResourceRequest()) return verb + " " + path;
        String g = apiGroup == null || apiGroup.isEmpty() ? "" : apiGroup + "/";
        return verb + " " + g + combinedResource() + (name == null || name.isEmpty() ? "" : "/" + name)
                + (clusterScoped() ? " (cluster)" : " in " + namespace);
    }
}
