package dev.kubeward.contract;

/**
 * Every Kafka topic of the system, in one place. Inventory records are keyed by cluster id so all chunks
 * of a cluster land on one partition, in order.
 */
public enum Topic {
    /** Signed, compressed snapshot chunks from agents (and from the HTTPS relay). Key: cluster id. */
    INVENTORY_CHUNKS("kubeward.inventory.chunks"),
    /** Chunks the worker could not accept, with the reason in {@link Headers#REJECTION_REASON}. */
    INVENTORY_DEAD_LETTER("kubeward.inventory.chunks.dlt"),
    /** New and resolved findings, scan summaries, rejected snapshots: what alerting consumes. Key: cluster id. */
    FINDINGS_EVENTS("kubeward.findings.events");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
