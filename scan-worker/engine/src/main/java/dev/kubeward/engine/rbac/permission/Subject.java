package dev.kubeward.engine.rbac.permission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.ObjectRef;

import java.util.Comparator;
import java.util.Optional;

/**
 * Who a binding grants to: a User, a Group or a ServiceAccount (namespace set only for service accounts).
 * Normalised as the authorizer sees it: a ServiceAccount subject without namespace takes the RoleBinding's
 * namespace (and matches nothing in a ClusterRoleBinding), and a User named
 * {@code system:serviceaccount:<ns>:<name>} is that ServiceAccount.
 */
public record Subject(Kind kind, String name, String namespace) implements Comparable<Subject> {

    public static final String SA_PREFIX = "system:serviceaccount:";
    public static final String MASTERS = "system:masters";
    public static final String AUTHENTICATED = "system:authenticated";
    public static final String UNAUTHENTICATED = "system:unauthenticated";
    public static final String ANONYMOUS = "system:anonymous";
    public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";

    private static final Comparator<Subject> ORDER = Comparator.comparing(Subject::kind)
            .thenComparing(s -> s.namespace == null ? "" : s.namespace).thenComparing(Subject::name);

    public enum Kind { User, Group, ServiceAccount }

    public static Subject user(String name) {
        if (name.startsWith(SA_PREFIX)) {
            String[] parts = name.substring(SA_PREFIX.length()).split(":", 2);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) return serviceAccount(parts[0], parts[1]);
        }
        return new Subject(Kind.User, name, null);
    }

    public static Subject group(String name) {
        return new Subject(Kind.Group, name, null);
    }

    public static Subject serviceAccount(String namespace, String name) {
        return new Subject(Kind.ServiceAccount, name, namespace);
    }

    /**
     * The subject of a binding entry, or empty when it can never match anyone (unknown kind, or a
     * ServiceAccount without namespace in a ClusterRoleBinding).
     */
    public static Optional<Subject> fromBinding(JsonNode subject, String bindingNamespace) {
        String name = subject.path("name").asText("");
        if (name.isEmpty()) return Optional.empty();
        switch (subject.path("kind").asText("")) {
            case "User":
                return Optional.of(user(name));
            case "Group":
                return Optional.of(group(name));
            case "ServiceAccount": {
                String ns = subject.path("namespace").asText("");
                if (ns.isEmpty()) ns = bindingNamespace == null ? "" : bindingNamespace;
                return ns.isEmpty() ? Optional.empty() : Optional.of(serviceAccount(ns, name));
            }
            default:
                return Optional.empty();
        }
    }

    /** The user name the API server authenticates this subject as (service accounts), else its name. */
    public String username() {
        return kind == Kind.ServiceAccount ? SA_PREFIX + namespace + ":" + name : name;
    }

    /** How findings name the subject (Kubescape reports subjects as external objects of these kinds). */
    public ObjectRef toRef() {
        return new ObjectRef(kind == Kind.ServiceAccount ? "v1" : "rbac.authorization.k8s.io", kind.name(),
                kind == Kind.ServiceAccount ? namespace : null, name);
    }

    public String display() {
        return kind == Kind.ServiceAccount ? "ServiceAccount " + namespace + "/" + name : kind + " " + name;
    }

    @Override
    public int compareTo(Subject o) {
        return ORDER.compare(this, o);
    }
}
