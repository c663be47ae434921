package dev.kubeward.worker;

import dev.kubeward.contract.Topic;
import dev.kubeward.db.PersistenceAutoConfiguration;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.db.tenancy.ControlInputOverrides;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.worker.events.FindingEvents;
import dev.kubeward.worker.failure.ChunkErrorHandling;
import dev.kubeward.worker.failure.JdbcRejectionNotes;
import dev.kubeward.worker.finding.ScanRecorder;
import dev.kubeward.worker.health.ConsumerHealthIndicator;
import dev.kubeward.worker.health.KafkaHealthIndicator;
import dev.kubeward.worker.intake.ChunkIntake;
import dev.kubeward.worker.intake.ChunkListener;
import dev.kubeward.worker.intake.SnapshotExpiry;
import dev.kubeward.worker.intake.StagedChunks;
import dev.kubeward.worker.evaluation.CustomControls;
import dev.kubeward.worker.evaluation.SnapshotScanner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scan worker, as an auto-configuration so that the same beans run in the worker's own process
 * ({@link ScanWorkerApplication}) and inside platform-api for the embedded default, which only needs this jar on
 * its class path. Off with {@code kubeward.worker.enabled=false}.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, PersistenceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnProperty(name = "kubeward.worker.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(WorkerProperties.class)
@EnableScheduling
public class WorkerConfiguration {

    /** The Kafka container bean; the consumer health indicator and tests look it up by this name. */
    public static final String CONTAINER = "scanWorkerChunkContainer";

    @Bean
    @ConditionalOnMissingBean
    ClusterCredentials clusterCredentials(JdbcTemplate jdbc, SecretCipher cipher) {
        return new ClusterCredentials(jdbc, cipher);
    }

    @Bean
    WorkerKafka scanWorkerKafka(KafkaProperties kafka, WorkerProperties properties) {
        return new WorkerKafka(kafka.buildConsumerProperties(), kafka.buildProducerProperties(), properties);
    }

    @Bean
    StagedChunks scanWorkerStagedChunks(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        return new StagedChunks(jdbc, new TransactionTemplate(txManager));
    }

    @Bean
    FindingEvents scanWorkerFindingEvents(WorkerKafka kafka, ObjectProvider<MeterRegistry> meters) {
        return new FindingEvents(kafka.template(), meters(meters));
    }

    @Bean
    ScanRecorder scanWorkerScanRecorder(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        return new ScanRecorder(jdbc, new TransactionTemplate(txManager), ControlCatalog.standard(), libraryVersion());
    }

    @Bean
    SnapshotScanner scanWorkerSnapshotScanner(StagedChunks chunks, ScanRecorder recorder, FindingEvents events, JdbcTemplate jdbc,
                                              ObjectProvider<MeterRegistry> meters) {
        ControlInputOverrides overrides = new ControlInputOverrides(jdbc);
        return new SnapshotScanner(chunks, Evaluator.standard(), ControlCatalog.standard(),
                tenant -> ControlInputs.defaults().with(overrides.of(tenant)),
                new CustomControls(jdbc)::of, recorder, events, meters(meters));
    }

    @Bean
    JdbcRejectionNotes scanWorkerRejectionNotes(JdbcTemplate jdbc, PlatformTransactionManager txManager, FindingEvents events) {
        return new JdbcRejectionNotes(jdbc, new TransactionTemplate(txManager), events);
    }

    @Bean
    ChunkIntake scanWorkerChunkIntake(ClusterCredentials credentials, StagedChunks chunks, SnapshotScanner scanner,
                                      JdbcRejectionNotes notes) {
        return new ChunkIntake(credentials::keyOf, chunks, scanner, notes);
    }

    @Bean(name = CONTAINER)
    ConcurrentMessageListenerContainer<String, byte[]> scanWorkerChunkContainer(WorkerKafka kafka, ChunkIntake intake,
                                                                               WorkerProperties properties,
                                                                               ObjectProvider<MeterRegistry> meters) {
        ContainerProperties container = new ContainerProperties(Topic.INVENTORY_CHUNKS.topicName());
        container.setGroupId(properties.groupId());
        // one record at a time: its offset is committed only after its database transaction committed
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener(new ChunkListener(intake, meters(meters)));
        container.setMissingTopicsFatal(false);
        ConcurrentMessageListenerContainer<String, byte[]> c = new ConcurrentMessageListenerContainer<>(kafka.consumers(), container);
        c.setConcurrency(Math.max(1, properties.concurrency()));
        c.setCommonErrorHandler(ChunkErrorHandling.errorHandler(kafka.template(), properties.retry()));
        c.setBeanName(CONTAINER);
        return c;
    }

    @Bean
    SnapshotExpiry scanWorkerSnapshotExpiry(StagedChunks chunks, WorkerProperties properties) {
        return new SnapshotExpiry(chunks, properties.snapshotTimeout());
    }

    @Bean
    @ConditionalOnProperty(name = "kubeward.worker.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics scanWorkerTopics(WorkerProperties properties) {
        int partitions = Math.max(1, properties.partitions());
        return new KafkaAdmin.NewTopics(
                new NewTopic(Topic.INVENTORY_CHUNKS.topicName(), partitions, (short) -1),
                new NewTopic(Topic.INVENTORY_DEAD_LETTER.topicName(), partitions, (short) -1),
                new NewTopic(Topic.FINDINGS_EVENTS.topicName(), partitions, (short) -1));
    }

    /** Health of Kafka and of the chunk consumer, where actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
            return new KafkaHealthIndicator(admin.getConfigurationProperties());
        }

        @Bean
        ConsumerHealthIndicator scanWorkerHealthIndicator(ConcurrentMessageListenerContainer<String, byte[]> scanWorkerChunkContainer) {
            return new ConsumerHealthIndicator(scanWorkerChunkContainer);
        }
    }

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    private static String libraryVersion() {
        String v = Evaluator.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
