package dev.kubeward.api.ingest;

/** Puts an accepted chunk on the inventory topic and returns once the broker acknowledged it. */
@FunctionalInterface
public interface ChunkForwarder {

    /**
     * @throws ForwardingFailed when the broker did not acknowledge in time; the agent should retry later
     */
    void forward(String clusterId, int schemaVersion, String signature, byte[] chunk);

    /** The broker is unreachable or slow: nothing the agent did wrong, worth a retry. */
    class ForwardingFailed extends RuntimeException {
        public ForwardingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
