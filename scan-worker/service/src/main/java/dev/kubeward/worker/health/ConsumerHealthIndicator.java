package dev.kubeward.worker.health;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;

/**
 * The chunk consumer: DOWN when its container is not running (stopped, or its consumer threads died), UP
 * otherwise with the partitions it owns. Owning none is normal when a group has more workers than partitions.
 */
public class ConsumerHealthIndicator extends AbstractHealthIndicator {

    private final MessageListenerContainer container;

    public ConsumerHealthIndicator(MessageListenerContainer container) {
        super("scan-worker consumer health check failed");
        this.container = container;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        List<String> partitions = assigned == null ? List.of() : assigned.stream().map(TopicPartition::toString).sorted().toList();
        boolean running = container.isRunning() && container.isInExpectedState();
        (running ? builder.up() : builder.down())
                .withDetail("running", container.isRunning())
                .withDetail("groupId", String.valueOf(container.getGroupId()))
                .withDetail("assignedPartitions", partitions);
    }
}
