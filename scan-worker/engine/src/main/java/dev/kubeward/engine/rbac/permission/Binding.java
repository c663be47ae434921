package dev.kubeward.engine.rbac.permission;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;

import java.util.List;

/**
 * A RoleBinding (namespace set) or ClusterRoleBinding (namespace {@code null}) with its normalised subjects and
 * the role it resolves to; {@code role} is {@code null} when the referenced role does not exist (a dangling
 * grant that activates when someone creates that name).
 */
public record Binding(KubeObject object, String namespace, String name, String roleKind, String roleName,
                      List<Subject> subjects, List<Integer> subjectIndexes, int declaredSubjects, Role role,
                      boolean builtIn) {

    public Binding {
        subjects = List.copyOf(subjects);
        subjectIndexes = List.copyOf(subjectIndexes);
    }

    public boolean clusterWide() {
        return namespace == null;
    }

    public String kind() {
        return clusterWide() ? "ClusterRoleBinding" : "RoleBinding";
    }

    public ObjectRef ref() {
        return object.ref();
    }

    /** Path of the subject entry in the binding, e.g. {@code subjects[1]}. */
    public String subjectPath(Subject subject) {
        int i = subjects.indexOf(subject);
        return i < 0 ? "subjects" : "subjects[" + subjectIndexes.get(i) + "]";
    }

    public String display() {
        return clusterWide() ? "ClusterRoleBinding " + name : "RoleBinding " + namespace + "/" + name;
    }
}
