package dev.kubeward.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the scan worker ({@code kubeward.worker.*}). The defaults suit a 2-core box; the same values
 * apply when the worker runs inside platform-api (the embedded default).
 *
 * @param enabled           whether this process consumes snapshot chunks at all
 * @param groupId           Kafka consumer group; every worker of a deployment shares it so partitions are split
 * @param concurrency       consumer threads in this process (each owns some partitions)
 * @param maxPollRecords    chunks fetched per poll: small, because one of them may complete a snapshot whose
 *                          evaluation takes seconds, and the whole batch must finish within max.poll.interval
 * @param snapshotTimeout   a snapshot that received no chunk for this long is expired and its chunks deleted
 * @param expiryInterval    how often to look for such snapshots
 * @param createTopics      create the topics at start when missing (off where topics are managed elsewhere)
 * @param partitions        partitions of the chunk topic when this worker creates it
 * @param retry             back-off for failures that are not the chunk's fault
 */
@ConfigurationProperties("kubeward.worker")
public record WorkerProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("kubeward-scan-worker") String groupId,
                               @DefaultValue("1") int concurrency,
                               @DefaultValue("20") int maxPollRecords,
                               @DefaultValue("30m") Duration snapshotTimeout,
                               @DefaultValue("1m") Duration expiryInterval,
                               @DefaultValue("true") boolean createTopics,
                               @DefaultValue("6") int partitions,
                               @DefaultValue Retry retry) {

    /**
     * @param initialInterval first pause after a failure
     * @param maxInterval     the pause never grows beyond this
     * @param maxAttempts     attempts for failures that are neither transient nor the chunk's fault (a bug):
     *                        after these the chunk is dead-lettered as {@code processing-failed} so the partition
     *                        moves on. Transient failures (database or broker down) retry without limit.
     */
    public record Retry(@DefaultValue("1s") Duration initialInterval,
                        @DefaultValue("30s") Duration maxInterval,
                        @DefaultValue("4") int maxAttempts) {
    }

    public static WorkerProperties defaults() {
        return new WorkerProperties(true, "kubeward-scan-worker", 1, 20, Duration.ofMinutes(30), Duration.ofMinutes(1), true, 6,
                new Retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 4));
    }
}
