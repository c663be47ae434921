package dev.kubeward.infra.kafka;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;

/** Where a Kafka cluster is; the same shape for embedded, Testcontainers and external brokers. */
public record KafkaConnection(String bootstrapServers) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** Creates {@code name} with {@code partitions} partitions (replication factor 1) unless it exists. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(KafkaTopics.topic(name, partitions)));
    }

    /** Creates the topics that are missing; existing ones stay as they are. */
    public void createTopics(List<NewTopic> topics) {
        KafkaTopics.create(bootstrapServers, topics);
    }
}
