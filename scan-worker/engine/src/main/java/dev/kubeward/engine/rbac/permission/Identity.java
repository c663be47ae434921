package dev.kubeward.engine.rbac.permission;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An authenticated caller: a user name and its groups, with the groups Kubernetes adds implicitly — every
 * service account is in {@code system:serviceaccounts} and {@code system:serviceaccounts:<ns>}, every
 * authenticated identity in {@code system:authenticated}, the anonymous user in {@code system:unauthenticated}.
 */
public record Identity(String user, Set<String> groups) {

    public Identity {
        groups = Set.copyOf(groups);
    }

    /** The identity a subject stands for; a Group stands for an anonymous member of that group only. */
    public static Identity of(Subject subject) {
        Set<String> groups = new LinkedHashSet<>();
        switch (subject.kind()) {
            case ServiceAccount -> {
                groups.add(Subject.SERVICE_ACCOUNTS);
                groups.add(Subject.SERVICE_ACCOUNTS + ":" + subject.namespace());
                groups.add(Subject.AUTHENTICATED);
                return new Identity(subject.username(), groups);
            }
            case User -> {
                groups.add(Subject.ANONYMOUS.equals(subject.name()) ? Subject.UNAUTHENTICATED : Subject.AUTHENTICATED);
                return new Identity(subject.name(), groups);
            }
            default -> {
                groups.add(subject.name());
                return new Identity("", groups);
            }
        }
    }

    /** A user with exactly the given groups (nothing implicit added), as authorizer tests write it. */
    public static Identity user(String name, String... groups) {
        return new Identity(name, Set.of(groups));
    }

    /** Members of {@code system:masters} bypass authorization altogether. */
    public boolean superUser() {
        return groups.contains(Subject.MASTERS);
    }

    /** Whether a binding subject applies to this identity (appliesToUser in the authorizer). */
    public boolean matches(Subject subject) {
        return switch (subject.kind()) {
            case User, ServiceAccount -> !user.isEmpty() && user.equals(subject.username());
            case Group -> groups.contains(subject.name());
        };
    }
}
