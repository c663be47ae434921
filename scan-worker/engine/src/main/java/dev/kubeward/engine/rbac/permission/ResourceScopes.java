package dev.kubeward.engine.rbac.permission;

import java.util.Set;

/**
 * Which requests can be made inside a namespace. The authorizer consults RoleBindings only for requests that
 * carry a namespace, so a RoleBinding never grants cluster-scoped resources (nodes, persistentvolumes,
 * certificatesigningrequests, webhook configurations…) nor non-resource URLs. Two built-in exceptions carry a
 * namespace although the object is cluster-scoped: a request on the namespace object itself, and {@code bind}
 * on a ClusterRole, which the API server checks in the namespace of the RoleBinding being written.
 * Resources we do not know (custom resources) are assumed namespaced.
 */
public final class ResourceScopes {

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "/nodes", "/persistentvolumes", "/namespaces", "/componentstatuses",
            "rbac.authorization.k8s.io/clusterroles", "rbac.authorization.k8s.io/clusterrolebindings",
            "certificates.k8s.io/certificatesigningrequests", "certificates.k8s.io/clustertrustbundles",
            "admissionregistration.k8s.io/validatingwebhookconfigurations",
            "admissionregistration.k8s.io/mutatingwebhookconfigurations",
            "admissionregistration.k8s.io/validatingadmissionpolicies",
            "admissionregistration.k8s.io/validatingadmissionpolicybindings",
            "admissionregistration.k8s.io/mutatingadmissionpolicies",
            "admissionregistration.k8s.io/mutatingadmissionpolicybindings",
            "apiextensions.k8s.io/customresourcedefinitions", "apiregistration.k8s.io/apiservices",
            "storage.k8s.io/storageclasses", "storage.k8s.io/volumeattachments", "storage.k8s.io/csinodes",
            "storage.k8s.io/csidrivers", "scheduling.k8s.io/priorityclasses", "node.k8s.io/runtimeclasses",
            "networking.k8s.io/ingressclasses", "networking.k8s.io/ipaddresses", "networking.k8s.io/servicecidrs",
            "flowcontrol.apiserver.k8s.io/flowschemas", "flowcontrol.apiserver.k8s.io/prioritylevelconfigurations",
            "policy/podsecuritypolicies", "authentication.k8s.io/tokenreviews",
            "authentication.k8s.io/selfsubjectreviews", "authorization.k8s.io/subjectaccessreviews",
            "authorization.k8s.io/selfsubjectaccessreviews", "authorization.k8s.io/selfsubjectrulesreviews",
            "resource.k8s.io/deviceclasses", "resource.k8s.io/resourceslices",
            // impersonation targets other than service accounts are cluster-wide identities
            "/users", "/groups", "/uids", "authentication.k8s.io/userextras");

    private ResourceScopes() {
    }

    public static boolean clusterScoped(String apiGroup, String resource) {
        return CLUSTER_SCOPED.contains(apiGroup + "/" + resource);
    }

    /** Whether a RoleBinding can ever grant this request (see the class comment for the exceptions). */
    public static boolean namespaceable(Request request) {
        if (!request.isResourceRequest()) return false;
        if ("".equals(request.apiGroup()) && "namespaces".equals(request.resource())) {
            return !request.verb().equals("create") && !request.verb().equals("list") && !request.verb().equals("watch");
        }
        if ("bind".equals(request.verb()) && "rbac.authorization.k8s.io".equals(request.apiGroup())
                && "clusterroles".equals(request.resource())) {
            return true;
        }
        return !clusterScoped(request.apiGroup(), request.resource());
    }
}
