package dev.kubeward.engine.rbac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builds snapshots from YAML documents written inline in tests. */
public final class RbacFixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RbacFixtures() {
    }

    public static SnapshotIndex snapshot(String... yamlDocuments) {
        List<KubeObject> objects = new ArrayList<>();
        for (String doc : yamlDocuments) {
            try {
                objects.add(KubeObject.of(YAML.readTree(doc)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return SnapshotIndex.of(objects);
    }

    /** {@code rules} is a YAML flow list such as {@code [{verbs: ["*"], apiGroups: ["*"], resources: ["*"]}]}. */
    public static String clusterRole(String name, String rules) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: '" + name + "'}, rules: " + rules + "}";
    }

    public static String role(String ns, String name, String rules) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: Role, metadata: {name: '" + name + "', namespace: " + ns
                + "}, rules: " + rules + "}";
    }

    /** {@code subjects} as "User:alice", "Group:admins", "ServiceAccount:ns/name" or "ServiceAccount:name". */
    public static String clusterRoleBinding(String name, String role, String... subjects) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name: '" + name + "'}, roleRef: "
                + "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: '" + role + "'}, subjects: " + subjects(subjects) + "}";
    }

    public static String roleBinding(String ns, String name, String roleKind, String role, String... subjects) {
        return "{apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding, metadata: {name: '" + name + "', namespace: " + ns
                + "}, roleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + roleKind + ", name: '" + role + "'}, subjects: "
                + subjects(subjects) + "}";
    }

    private static String subjects(String... subjects) {
        List<String> out = new ArrayList<>();
        for (String s : subjects) {
            String[] kn = s.split(":", 2);
            if (kn[0].equals("ServiceAccount")) {
                String[] nn = kn[1].split("/", 2);
                out.add(nn.length == 2 ? "{kind: ServiceAccount, namespace: " + nn[0] + ", name: '" + nn[1] + "'}"
                        : "{kind: ServiceAccount, name: '" + nn[0] + "'}");
            } else {
                out.add("{kind: " + kn[0] + ", apiGroup: rbac.authorization.k8s.io, name: '" + kn[1] + "'}");
            }
        }
        return "[" + String.join(", ", out) + "]";
    }
}
