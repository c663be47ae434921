package dev.kubeward.worker.intake;

/**
 * A chunk as it arrived: the record key (the cluster id the sender claims), the exact value bytes the
 * signature covers, and the signature header. {@code origin} only names it in logs (topic-partition@offset).
 */
public record IncomingChunk(String key, byte[] value, String signature, String origin) {
}
