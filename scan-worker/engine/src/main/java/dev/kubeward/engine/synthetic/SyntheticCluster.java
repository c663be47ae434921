package dev.kubeward.engine.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.model.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic cluster with a realistic mix for benchmarks and load seeding: per namespace, Deployments
 * with their ReplicaSets and Pods (owner references set, so pods are judged through their owner),
 * Services selecting them, ConfigMaps, Secrets (metadata only), ServiceAccounts, Roles, RoleBindings and
 * NetworkPolicies in some namespaces; a quarter of the workloads are hardened, the rest are not.
 * Deterministic for a given seed.
 */
public final class SyntheticCluster {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Objects one "app" contributes: Deployment, ReplicaSet, 2 Pods, Service, ConfigMap, Secret, SA, Role, RoleBinding. */
    private static final int OBJECTS_PER_APP = 10;

    private SyntheticCluster() {
    }

    public static List<KubeObject> generate(int targetObjects, long seed) {
        Random random = new Random(seed);
        List<KubeObject> out = new ArrayList<>(targetObjects + 64);
        int apps = Math.max(1, targetObjects / OBJECTS_PER_APP);
        int namespaces = Math.max(1, apps / 20);
        for (int n = 0; n < namespaces; n++) {
            ObjectNode ns = object("v1", "Namespace", null, "team-" + n);
            if (n % 3 == 0) ns.with("metadata").with("labels").put("pod-security.kubernetes.io/enforce", "restricted");
            out.add(KubeObject.of(ns));
            if (n % 2 == 0) {
                ObjectNode np = object("networking.k8s.io/v1", "NetworkPolicy", "team-" + n, "default-deny");
                np.with("spec").putObject("podSelector");
                np.with("spec").putArray("policyTypes").add("Ingress").add("Egress");
                out.add(KubeObject.of(np));
            }
        }
        for (int a = 0; a < apps && out.size() < targetObjects; a++) {
            String ns = "team-" + (a % namespaces);
            String app = "app-" + a;
            boolean hardened = random.nextInt(4) == 0;
            ObjectNode deploy = object("apps/v1", "Deployment", ns, app);
            String deployUid = "uid-d-" + a;
            deploy.with("metadata").put("uid", deployUid).with("labels").put("app", app);
            ObjectNode spec = deploy.with("spec");
            spec.put("replicas", 2);
            spec.putObject("selector").putObject("matchLabels").put("app", app);
            ObjectNode template = spec.putObject("template");
            template.putObject("metadata").putObject("labels").put("app", app);
            template.set("spec", podSpec(app, hardened, random));
            out.add(KubeObject.of(deploy));

            ObjectNode rs = object("apps/v1", "ReplicaSet", ns, app + "-5d9c7");
            rs.with("metadata").put("uid", "uid-rs-" + a);
            owner(rs, "Deployment", app, deployUid);
            rs.set("spec", spec.deepCopy());
            out.add(KubeObject.of(rs));
            for (int p = 0; p < 2; p++) {
                ObjectNode pod = object("v1", "Pod", ns, app + "-5d9c7-" + p);
                pod.with("metadata").with("labels").put("app", app);
                owner(pod, "ReplicaSet", app + "-5d9c7", "uid-rs-" + a);
                pod.set("spec", podSpec(app, hardened, random));
                out.add(KubeObject.of(pod));
            }
            ObjectNode svc = object("v1", "Service", ns, app);
            svc.with("spec").put("type", random.nextInt(10) == 0 ? "LoadBalancer" : "ClusterIP").putObject("selector").put("app", app);
            svc.with("spec").putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
            out.add(KubeObject.of(svc));
            ObjectNode cm = object("v1", "ConfigMap", ns, app + "-config");
            cm.putObject("data").put("LOG_LEVEL", "info").put("FEATURE_FLAGS", "a,b,c");
            out.add(KubeObject.of(cm));
            ObjectNode secret = object("v1", "Secret", ns, app + "-credentials");
            secret.put("type", "Opaque");
            out.add(KubeObject.of(secret));
            out.add(KubeObject.of(object("v1", "ServiceAccount", ns, app)));
            ObjectNode role = object("rbac.authorization.k8s.io/v1", "Role", ns, app + "-reader");
            ObjectNode rule = role.putArray("rules").addObject();
            rule.putArray("apiGroups").add("");
            rule.putArray("resources").add(random.nextInt(8) == 0 ? "secrets" : "configmaps");
            rule.putArray("verbs").add("get").add("list");
            out.add(KubeObject.of(role));
            ObjectNode rb = object("rbac.authorization.k8s.io/v1", "RoleBinding", ns, app + "-reader");
            rb.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Role").put("name", app + "-reader");
            rb.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", app).put("namespace", ns);
            out.add(KubeObject.of(rb));
        }
        return out;
    }

    private static ObjectNode podSpec(String app, boolean hardened, Random random) {
        ObjectNode spec = MAPPER.createObjectNode();
        spec.put("serviceAccountName", app);
        if (hardened) spec.put("automountServiceAccountToken", false);
        ArrayNode containers = spec.putArray("containers");
        ObjectNode c = containers.addObject();
        c.put("name", app);
        c.put("image", hardened ? "registry.example.com/" + app + "@sha256:" + "a".repeat(64) : "docker.io/library/nginx:" + (random.nextBoolean() ? "latest" : "1.25"));
        c.putArray("ports").addObject().put("containerPort", 8080);
        c.putArray("env").addObject().put("name", "LOG_LEVEL").put("value", "info");
        if (hardened) {
            ObjectNode sc = c.putObject("securityContext");
            sc.put("runAsNonRoot", true).put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true);
            sc.putObject("capabilities").putArray("drop").add("ALL");
            sc.putObject("seccompProfile").put("type", "RuntimeDefault");
            ObjectNode res = c.putObject("resources");
            res.putObject("limits").put("cpu", "500m").put("memory", "256Mi");
            res.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
            c.putObject("livenessProbe").putObject("httpGet").put("path", "/healthz").put("port", 8080);
            c.putObject("readinessProbe").putObject("httpGet").put("path", "/ready").put("port", 8080);
        } else if (random.nextInt(10) == 0) {
            c.putObject("securityContext").put("privileged", true);
        }
        return spec;
    }

    private static void owner(ObjectNode o, String kind, String name, String uid) {
        ObjectNode ref = o.with("metadata").putArray("ownerReferences").addObject();
        ref.put("apiVersion", "apps/v1").put("kind", kind).put("name", name).put("uid", uid).put("controller", true);
    }

    private static ObjectNode object(String apiVersion, String kind, String ns, String name) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (ns != null) meta.put("namespace", ns);
        return o;
    }
}
