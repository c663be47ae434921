package dev.kubeward.api.ingest;

/**
 * Why the relay refused a chunk: the HTTP status to answer and the contract's rejection code
 * ({@code bad-credential}, {@code oversized}, {@code undecodable}, {@code unknown-schema}, {@code mismatched-cluster}).
 */
public class IngestRejected extends RuntimeException {

    private final int status;
    private final String code;

    public IngestRejected(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
