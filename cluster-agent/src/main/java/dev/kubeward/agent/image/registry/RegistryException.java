package dev.kubeward.agent.image.registry;

/** The registry did not give what the image needs: not found, credentials refused, unreachable, a malformed or unsupported manifest. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
