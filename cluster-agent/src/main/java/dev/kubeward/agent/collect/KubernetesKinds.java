package dev.kubeward.agent.collect;

import java.util.Comparator;
import java.util.List;

/**
 * Every kind the controls need, in one catalogue. The Helm chart's ClusterRole grants exactly these (a test
 * compares the two), so adding a kind here means adding it there.
 *
 * <p>NB: the order of the list is the order of the snapshot: within cluster-scoped kinds and within each
 * namespace, kinds are sorted by kind name then API group, the same order {@link ManifestFileSource#STABLE_ORDER}
 * gives file mode.
 */
public final class KubernetesKinds {

    private static final String CORE = "";
    private static final String APPS = "apps";
    private static final String BATCH = "batch";
    private static final String NETWORKING = "networking.k8s.io";
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";
    private static final String ISTIO = "networking.istio.io";
    private static final String GATEWAY_API = "gateway.networking.k8s.io";

    /** All kinds, cluster-scoped first, each part in the stable order. */
    public static final List<KindSpec> ALL = sorted(List.of(
            // cluster-scoped
            kind(CORE, "namespaces", "Namespace", false, true),
            kind(CORE, "nodes", "Node", false, false),
            kind(CORE, "persistentvolumes", "PersistentVolume", false, false),
            kind(RBAC, "clusterroles", "ClusterRole", false, true),
            kind(RBAC, "clusterrolebindings", "ClusterRoleBinding", false, true),
            kind(ADMISSION, "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, true),
            kind(ADMISSION, "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, true),
            kind(NETWORKING, "ingressclasses", "IngressClass", false, false),
            // namespaced
            kind(CORE, "pods", "Pod", true, false),
            kind(CORE, "services", "Service", true, true),
            kind(CORE, "serviceaccounts", "ServiceAccount", true, true),
            kind(CORE, "configmaps", "ConfigMap", true, false),
            new KindSpec(CORE, List.of("v1"), "secrets", "Secret", true, true, false),
            kind(CORE, "resourcequotas", "ResourceQuota", true, false),
            kind(CORE, "limitranges", "LimitRange", true, false),
            kind(CORE, "persistentvolumeclaims", "PersistentVolumeClaim", true, false),
            kind(APPS, "deployments", "Deployment", true, true),
            kind(APPS, "replicasets", "ReplicaSet", true, false),
            kind(APPS, "statefulsets", "StatefulSet", true, true),
            kind(APPS, "daemonsets", "DaemonSet", true, true),
            kind(BATCH, "jobs", "Job", true, false),
            kind(BATCH, "cronjobs", "CronJob", true, true),
            kind(NETWORKING, "ingresses", "Ingress", true, true),
            kind(NETWORKING, "networkpolicies", "NetworkPolicy", true, true),
            kind(RBAC, "roles", "Role", true, true),
            kind(RBAC, "rolebindings", "RoleBinding", true, true),
            kind("policy", "poddisruptionbudgets", "PodDisruptionBudget", true, false),
            new KindSpec("autoscaling", List.of("v2", "v1"), "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, false, false),
            // custom resources, listed when their CRDs are installed
            new KindSpec(ISTIO, List.of("v1", "v1beta1", "v1alpha3"), "gateways", "Gateway", true, false, true),
            new KindSpec(ISTIO, List.of("v1", "v1beta1", "v1alpha3"), "virtualservices", "VirtualService", true, false, true),
            new KindSpec(GATEWAY_API, List.of("v1", "v1beta1"), "gateways", "Gateway", true, false, true),
            new KindSpec(GATEWAY_API, List.of("v1", "v1beta1"), "httproutes", "HTTPRoute", true, false, true)));

    private KubernetesKinds() {
    }

    public static List<KindSpec> clusterScoped() {
        return ALL.stream().filter(k -> !k.namespaced()).toList();
    }

    public static List<KindSpec> namespaced() {
        return ALL.stream().filter(KindSpec::namespaced).toList();
    }

    private static KindSpec kind(String group, String resource, String kind, boolean namespaced, boolean watched) {
        return new KindSpec(group, List.of("v1"), resource, kind, namespaced, false, watched);
    }

    private static List<KindSpec> sorted(List<KindSpec> kinds) {
        return kinds.stream().sorted(Comparator.comparing(KindSpec::namespaced)
                .thenComparing(KindSpec::kind)
                .thenComparing(k -> k.apiVersion(k.versions().get(0)))).toList();
    }
}
