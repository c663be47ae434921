package dev.kubeward.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerIT {

    private static final String TOPIC = "kubeward.inventory.chunks";

    @TempDir
    Path dataDirectory;

    @Test
    void keepsTopicsRecordsAndCommittedOffsetsAcrossARestartOnTheSameDirectory() throws Exception {
        String clusterId;
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDirectory, 0)) {
            clusterId = kafka.clusterId();
            kafka.createTopic(TOPIC, 3);
            KafkaClients.send(kafka.bootstrapServers(), TOPIC, "cluster-1", "chunk-0");

            assertThat(KafkaClients.read(kafka.bootstrapServers(), TOPIC, "worker", 1))
                    .extracting(ConsumerRecord::value).containsExactly("chunk-0");
        }
        assertThat(dataDirectory.resolve("logs/meta.properties")).exists();

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDirectory, 0)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);

            assertThat(KafkaClients.read(kafka.bootstrapServers(), TOPIC, "a-new-group", 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("cluster-1", "chunk-0"));
            assertThat(committedOffsets(kafka.bootstrapServers(), "worker")).containsValue(1L);
            assertThat(partitionCount(kafka.bootstrapServers())).isEqualTo(3);
        }
    }

    @Test
    void createTopicsIsIdempotentAndAutoCreationIsOff() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDirectory, 0)) {
            kafka.createTopic("twice", 1);
            kafka.createTopic("twice", 1);

            try (Admin admin = admin(kafka.bootstrapServers())) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("twice").doesNotContain("never-made");
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    private static Map<TopicPartition, Long> committedOffsets(String bootstrapServers, String groupId) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static int partitionCount(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC).partitions().size();
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
