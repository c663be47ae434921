package dev.kubeward.contract;

/** A chunk that can never be accepted, whatever the retries: it goes to the dead-letter topic with this reason. */
public class ChunkRejectedException extends RuntimeException {

    private final String code;

    public ChunkRejectedException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public ChunkRejectedException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    /** bad-signature, unknown-cluster, oversized, undecodable, unknown-schema, mismatched-cluster. */
    public String code() {
        return code;
    }
}
