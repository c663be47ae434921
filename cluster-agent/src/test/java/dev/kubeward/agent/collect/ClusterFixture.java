package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A made-up cluster with every kind the agent collects: Secrets with values (and a last-applied copy of
 * them), objects with managedFields, custom resources of Istio and Gateway API. Deterministic.
 */
final class ClusterFixture {

    static final String SECRET_VALUE = "hunter2-do-not-leak";
    static final String STRING_DATA_VALUE = "plain-token-do-not-leak";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int namespaces;
    private final int podsPerNamespace;

    ClusterFixture(int namespaces, int podsPerNamespace) {
        this.namespaces = namespaces;
        this.podsPerNamespace = podsPerNamespace;
    }

    List<ObjectNode> objects() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(node(i));
            out.add(obj("v1", "PersistentVolume", null, "pv-" + i).set("spec", json("{\"capacity\":{\"storage\":\"10Gi\"},\"accessModes\":[\"ReadWriteOnce\"],\"hostPath\":{\"path\":\"/data/" + i + "\"}}")));
            out.add(obj("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader-" + i)
                    .set("rules", json("[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"list\"]}]")));
            out.add(obj("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "reader-" + i)
                    .setAll((ObjectNode) json("{\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\",\"name\":\"reader-" + i
                            + "\"},\"subjects\":[{\"kind\":\"Group\",\"name\":\"devs\",\"apiGroup\":\"rbac.authorization.k8s.io\"}]}")));
        }
        out.add(obj("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", null, "policy").set("webhooks", json(
                "[{\"name\":\"v.example.com\",\"admissionReviewVersions\":[\"v1\"],\"sideEffects\":\"None\",\"failurePolicy\":\"Fail\",\"clientConfig\":{\"service\":{\"namespace\":\"ns-00\",\"name\":\"svc-0\"}}}]")));
        out.add(obj("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", null, "inject").set("webhooks", json(
                "[{\"name\":\"m.example.com\",\"admissionReviewVersions\":[\"v1\"],\"sideEffects\":\"None\",\"failurePolicy\":\"Ignore\",\"clientConfig\":{\"url\":\"https://m.example.com\"}}]")));
        out.add(obj("networking.k8s.io/v1", "IngressClass", null, "nginx").set("spec", json("{\"controller\":\"k8s.io/ingress-nginx\"}")));
        for (int n = 0; n < namespaces; n++) {
            String ns = String.format("ns-%02d", n);
            out.add(obj("v1", "Namespace", null, ns));
            for (int i = 0; i < podsPerNamespace; i++) out.add(pod(ns, "app-" + i));
            for (int i = 0; i < 3; i++) {
                out.add(obj("apps/v1", "Deployment", ns, "web-" + i).set("spec", json("{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":"
                        + pod(ns, "tmpl").without(List.of("apiVersion", "kind")).toString() + "}")));
                out.add(obj("apps/v1", "ReplicaSet", ns, "web-" + i + "-5d4f8").set("spec", json("{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}")));
                out.add(obj("v1", "Service", ns, "svc-" + i).set("spec", json("{\"type\":\"ClusterIP\",\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}")));
                out.add(obj("v1", "ConfigMap", ns, "config-" + i).set("data", json("{\"LOG_LEVEL\":\"info\"}")));
                out.add(secret(ns, "credentials-" + i));
                out.add(obj("v1", "ServiceAccount", ns, "sa-" + i));
                out.add(obj("batch/v1", "Job", ns, "migrate-" + i).set("spec", json("{\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"m\",\"image\":\"registry.example.com/migrate:1.0\"}]}}}")));
            }
            out.add(obj("apps/v1", "StatefulSet", ns, "db").set("spec", json("{\"serviceName\":\"db\",\"selector\":{\"matchLabels\":{\"app\":\"db\"}}}")));
            out.add(obj("apps/v1", "DaemonSet", ns, "agent").set("spec", json("{\"selector\":{\"matchLabels\":{\"app\":\"agent\"}}}")));
            out.add(obj("batch/v1", "CronJob", ns, "nightly").set("spec", json("{\"schedule\":\"0 2 * * *\",\"jobTemplate\":{\"spec\":{}}}")));
            out.add(obj("networking.k8s.io/v1", "Ingress", ns, "web").set("spec", json("{\"ingressClassName\":\"nginx\",\"rules\":[{\"host\":\"" + ns + ".example.com\"}]}")));
            out.add(obj("networking.k8s.io/v1", "NetworkPolicy", ns, "default-deny").set("spec", json("{\"podSelector\":{},\"policyTypes\":[\"Ingress\",\"Egress\"]}")));
            out.add(obj("rbac.authorization.k8s.io/v1", "Role", ns, "editor").set("rules", json("[{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"],\"verbs\":[\"*\"]}]")));
            out.add(obj("rbac.authorization.k8s.io/v1", "RoleBinding", ns, "editor").setAll((ObjectNode) json("{\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"editor\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"sa-0\",\"namespace\":\"" + ns + "\"}]}")));
            out.add(obj("v1", "ResourceQuota", ns, "quota").set("spec", json("{\"hard\":{\"pods\":\"50\"}}")));
            out.add(obj("v1", "LimitRange", ns, "limits").set("spec", json("{\"limits\":[{\"type\":\"Container\",\"default\":{\"memory\":\"256Mi\"}}]}")));
            out.add(obj("v1", "PersistentVolumeClaim", ns, "data").set("spec", json("{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}")));
            out.add(obj("policy/v1", "PodDisruptionBudget", ns, "web").set("spec", json("{\"minAvailable\":1,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}")));
            out.add(obj("autoscaling/v2", "HorizontalPodAutoscaler", ns, "web").set("spec", json("{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web-0\"},\"minReplicas\":2,\"maxReplicas\":5}")));
            out.add(obj("networking.istio.io/v1", "Gateway", ns, "ingress").set("spec", json("{\"selector\":{\"istio\":\"ingressgateway\"},\"servers\":[{\"port\":{\"number\":80,\"name\":\"http\",\"protocol\":\"HTTP\"},\"hosts\":[\"*\"]}]}")));
            out.add(obj("networking.istio.io/v1", "VirtualService", ns, "web").set("spec", json("{\"hosts\":[\"*\"],\"gateways\":[\"ingress\"],\"http\":[{\"route\":[{\"destination\":{\"host\":\"svc-0\"}}]}]}")));
            out.add(obj("gateway.networking.k8s.io/v1", "Gateway", ns, "ingress").set("spec", json("{\"gatewayClassName\":\"istio\",\"listeners\":[{\"name\":\"http\",\"port\":80,\"protocol\":\"HTTP\"}]}")));
            out.add(obj("gateway.networking.k8s.io/v1", "HTTPRoute", ns, "web").set("spec", json("{\"parentRefs\":[{\"name\":\"ingress\"}],\"rules\":[{\"backendRefs\":[{\"name\":\"svc-0\",\"port\":80}]}]}")));
        }
        return out;
    }

    static final List<ResourceDefinitionContext> CUSTOM_KINDS = List.of(
            crd("networking.istio.io", "v1", "gateways", "Gateway"),
            crd("networking.istio.io", "v1", "virtualservices", "VirtualService"),
            crd("gateway.networking.k8s.io", "v1", "gateways", "Gateway"),
            crd("gateway.networking.k8s.io", "v1", "httproutes", "HTTPRoute"));

    /** Makes the CRUD mock know the custom kinds' scope. */
    static void registerCustomKinds(KubernetesMockServer server) {
        for (ResourceDefinitionContext c : CUSTOM_KINDS) {
            server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup(c.getGroup()).withVersion(c.getVersion())
                    .withPlural(c.getPlural()).withKind(c.getKind()).withScope("Namespaced").build());
        }
    }

    static void load(KubernetesClient client, List<ObjectNode> objects) {
        for (ObjectNode o : objects) {
            String apiVersion = o.path("apiVersion").asText();
            String kind = o.path("kind").asText();
            ResourceDefinitionContext custom = CUSTOM_KINDS.stream()
                    .filter(c -> (c.getGroup() + "/" + c.getVersion()).equals(apiVersion) && c.getKind().equals(kind)).findFirst().orElse(null);
            if (custom != null) {
                GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(o.toString(), GenericKubernetesResource.class);
                client.genericKubernetesResources(custom).inNamespace(r.getMetadata().getNamespace()).resource(r).create();
            } else {
                client.resource(o.toString()).create();
            }
        }
    }

    private static ResourceDefinitionContext crd(String group, String version, String plural, String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural).withKind(kind).withNamespaced(true).build();
    }

    private static ObjectNode node(int i) {
        ObjectNode node = obj("v1", "Node", null, "node-" + i);
        node.with("metadata").with("labels").put("eks.amazonaws.com/nodegroup", "ng-1");
        node.set("spec", json("{\"providerID\":\"aws:///eu-west-1a/i-000" + i + "\"}"));
        node.set("status", json("{\"nodeInfo\":{\"kubeletVersion\":\"v1.29.3-eks-ae9a62a\",\"operatingSystem\":\"linux\"}}"));
        return node;
    }

    private static ObjectNode pod(String ns, String name) {
        ObjectNode pod = obj("v1", "Pod", ns, name);
        pod.with("metadata").with("labels").put("app", "web").put("tier", "frontend");
        pod.with("metadata").set("managedFields", json("[{\"manager\":\"kube-controller-manager\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:containers\":{}}}}]"));
        pod.set("spec", json("{\"serviceAccountName\":\"sa-0\",\"containers\":[{\"name\":\"app\",\"image\":\"registry.example.com/web:1.4.2\","
                + "\"ports\":[{\"containerPort\":8080}],\"env\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"credentials-0\",\"key\":\"password\"}}}],"
                + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}},"
                + "\"securityContext\":{\"runAsNonRoot\":true,\"allowPrivilegeEscalation\":false,\"readOnlyRootFilesystem\":true,\"capabilities\":{\"drop\":[\"ALL\"]}},"
                + "\"volumeMounts\":[{\"name\":\"tmp\",\"mountPath\":\"/tmp\"}]}],\"volumes\":[{\"name\":\"tmp\",\"emptyDir\":{}}]}"));
        return pod;
    }

    private static ObjectNode secret(String ns, String name) {
        ObjectNode s = obj("v1", "Secret", ns, name);
        s.put("type", "Opaque");
        s.set("data", json("{\"password\":\"" + Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes()) + "\"}"));
        s.set("stringData", json("{\"token\":\"" + STRING_DATA_VALUE + "\"}"));
        s.with("metadata").with("annotations").put(ObjectSanitizer.LAST_APPLIED, "{\"stringData\":{\"token\":\"" + STRING_DATA_VALUE + "\"}}");
        return s;
    }

    private static ObjectNode obj(String apiVersion, String kind, String ns, String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (ns != null) meta.put("namespace", ns);
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
