package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.model.KubeObject;

import java.util.List;

/** Kubernetes objects and custom controls for the tests, written as YAML. */
final class Objects {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Objects() {
    }

    static JsonNode yaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static KubeObject kube(String yaml) {
        return KubeObject.of(yaml(yaml));
    }

    static CustomControl control(String slug, List<String> kinds, String expression) {
        return new CustomControl(CustomControl.idFor(slug), "Custom " + slug, "", Severity.HIGH, "fix it", kinds, null, expression, null);
    }

    static KubeObject namespace(String name, String team) {
        return kube("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: %s, labels: {team: %s}}
                """.formatted(name, team));
    }

    static KubeObject pod(String ns, String name, boolean runAsNonRoot) {
        return kube("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: %s}
                spec:
                  securityContext: {runAsNonRoot: %s}
                  containers: [{name: app, image: nginx:1.27}]
                """.formatted(name, ns, runAsNonRoot));
    }

    static KubeObject deployment(String ns, String name, int replicas, String team) {
        return kube("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                  uid: uid-%s
                  labels: %s
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                          resources: {limits: {memory: 128Mi}}
                """.formatted(name, ns, name, team == null ? "{}" : "{team: " + team + "}", replicas, name, name));
    }
}
