package dev.kubeward.agent.image;

import dev.kubeward.agent.image.registry.RegistryCredentials;

import java.util.List;

/** Where registry logins come from: the pods' image pull secrets. */
@FunctionalInterface
public interface PullSecrets {

    /** No pull secrets can be read (file mode): every registry is asked anonymously. */
    PullSecrets NONE = (namespace, names) -> RegistryCredentials.NONE;

    /** The logins of the named secrets of {@code namespace}, the first secret winning per registry; unreadable secrets are left out. */
    RegistryCredentials credentials(String namespace, List<String> names);
}
