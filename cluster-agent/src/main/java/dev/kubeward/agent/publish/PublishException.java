package dev.kubeward.agent.publish;

/**
 * A chunk could not be delivered: the platform stayed unreachable for the whole retry budget, or refused the
 * chunk for good (bad credential, oversized). The snapshot it belongs to is dropped; the next one replaces it.
 */
public class PublishException extends RuntimeException {

    private final boolean permanent;

    public PublishException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Retrying the same request cannot help (a 4xx answer): configuration needs fixing. */
    public boolean permanent() {
        return permanent;
    }
}
