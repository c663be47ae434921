package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0061 / C-0212: objects placed in the {@code default} namespace, one rule per kind as Kubescape splits them.
 * An object that names no namespace lands in {@code default}; it gets a fix path instead of a failed one.
 * Objects Kubernetes itself creates there (the {@code kubernetes} Service, Endpoints and EndpointSlice, the
 * {@code default} ServiceAccount, the {@code kube-root-ca.crt} ConfigMap) are not a tenant's use of the namespace
 * and pass, as CIS 5.7.4 intends.
 */
final class InDefaultNamespace implements ResourceRule {

    private final String name;
    private final Set<String> kinds;
    private final String builtIn;

    /**
     * @param builtIn name of the object of these kinds that Kubernetes creates in {@code default}, or null
     */
    InDefaultNamespace(String name, Set<String> kinds, String builtIn) {
        this.name = name;
        this.kinds = kinds;
        this.builtIn = builtIn;
    }

    InDefaultNamespace(String name, String kind) {
        this(name, Set.of(kind), null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return kinds;
    }

    @Override
    public List<Violation> check(KubeObject object, RuleContext ctx) {
        String namespace = object.namespace();
        if (namespace != null && !namespace.isEmpty() && !namespace.equals("default")) return List.of();
        if (builtIn != null && "default".equals(namespace) && builtIn.equals(object.name())) return List.of();
        Finding finding = new Finding(object).note(object.kind() + " " + object.name() + " is in the 'default' namespace");
        if (namespace == null || namespace.isEmpty()) {
            finding.fix("metadata.namespace", "YOUR_NAMESPACE");
        } else {
            finding.failed("metadata.namespace");
        }
        return finding.result();
    }

    static List<InDefaultNamespace> all() {
        return List.of(
                new InDefaultNamespace("pods-in-default-namespace",
                        Set.of("Pod", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob"), null),
                new InDefaultNamespace("rolebinding-in-default-namespace", "RoleBinding"),
                new InDefaultNamespace("role-in-default-namespace", "Role"),
                new InDefaultNamespace("configmap-in-default-namespace", Set.of("ConfigMap"), "kube-root-ca.crt"),
                new InDefaultNamespace("endpoints-in-default-namespace", Set.of("Endpoints"), "kubernetes"),
                new InDefaultNamespace("persistentvolumeclaim-in-default-namespace", "PersistentVolumeClaim"),
                new InDefaultNamespace("podtemplate-in-default-namespace", "PodTemplate"),
                new InDefaultNamespace("replicationcontroller-in-default-namespace", "ReplicationController"),
                new InDefaultNamespace("service-in-default-namespace", Set.of("Service"), "kubernetes"),
                new InDefaultNamespace("serviceaccount-in-default-namespace", Set.of("ServiceAccount"), "default"),
                new InDefaultNamespace("endpointslice-in-default-namespace", Set.of("EndpointSlice"), "kubernetes"),
                new InDefaultNamespace("horizontalpodautoscaler-in-default-namespace", "HorizontalPodAutoscaler"),
                new InDefaultNamespace("lease-in-default-namespace", "Lease"),
                new InDefaultNamespace("csistoragecapacity-in-default-namespace", "CSIStorageCapacity"),
                new InDefaultNamespace("ingress-in-default-namespace", "Ingress"),
                new InDefaultNamespace("poddisruptionbudget-in-default-namespace", "PodDisruptionBudget"),
                new InDefaultNamespace("resources-secret-in-default-namespace", "Secret"));
    }
}
