package dev.kubeward.engine.rbac.permission;

import dev.kubeward.engine.model.KubeObject;

import java.util.List;

/**
 * Recognises the RBAC objects that Kubernetes itself or the platform vendor creates: objects labelled
 * {@code kubernetes.io/bootstrapping=rbac-defaults} (reconciled by the API server) and the vendor prefixes
 * krane keeps ({@code system:}, {@code eks:}, {@code aks-}, {@code system:gke-}, {@code gce:}, {@code openshift-},
 * {@code kubeadm:}). They are not the user's own grants: our risk and hygiene controls do not report them.
 */
public final class BuiltInRbac {

    public static final String BOOTSTRAP_LABEL = "kubernetes.io/bootstrapping";
    private static final List<String> PREFIXES = List.of("system:", "eks:", "eks-", "aks-", "gce:", "gke-",
            "openshift-", "openshift:", "kubeadm:", "cloud-provider", "calico-", "cilium");

    private BuiltInRbac() {
    }

    public static boolean isBuiltIn(KubeObject o) {
        if ("rbac-defaults".equals(o.labels().path(BOOTSTRAP_LABEL).asText(""))) return true;
        String name = o.name() == null ? "" : o.name();
        for (String p : PREFIXES) if (name.startsWith(p)) return true;
        return false;
    }
}
