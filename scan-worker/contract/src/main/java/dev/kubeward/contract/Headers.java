package dev.kubeward.contract;

/** Kafka header names (and the HTTPS relay's HTTP header names) of the wire contract. */
public final class Headers {

    /** Wire schema version of the chunk, as a decimal string. */
    public static final String SCHEMA_VERSION = "kubeward-schema-version";
    /** Cluster id; equals the record key. */
    public static final String CLUSTER_ID = "kubeward-cluster-id";
    /** Hex HMAC-SHA256 of the record value, keyed with the cluster's secret. */
    public static final String SIGNATURE = "kubeward-signature";
    /** Why a chunk was dead-lettered. */
    public static final String REJECTION_REASON = "kubeward-rejection-reason";
    /** Short machine-readable rejection code (bad-signature, unknown-cluster, oversized, undecodable, unknown-schema). */
    public static final String REJECTION_CODE = "kubeward-rejection-code";

    /** HTTP headers of {@code POST /ingest/v1/chunks}. */
    public static final String HTTP_CLUSTER_ID = "X-Kubeward-Cluster";
    public static final String HTTP_SIGNATURE = "X-Kubeward-Signature";

    private Headers() {
    }
}
