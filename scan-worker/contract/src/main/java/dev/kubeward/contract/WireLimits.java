package dev.kubeward.contract;

/** Size limits both ends enforce. */
public final class WireLimits {

    /** A chunk on the wire, compressed: half of Kafka's default 1 MiB max record, leaving room for headers. */
    public static final int MAX_CHUNK_BYTES = 512 * 1024;
    /** A chunk decompressed: guards the worker against compression bombs. */
    public static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
    /** Chunks in one snapshot: 100k objects fit comfortably in far fewer. */
    public static final int MAX_CHUNKS_PER_SNAPSHOT = 10_000;

    private WireLimits() {
    }
}
