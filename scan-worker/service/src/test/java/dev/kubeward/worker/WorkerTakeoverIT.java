package dev.kubeward.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.Topic;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.worker.Fixtures.Signed;
import dev.kubeward.worker.failure.ChunkErrorHandling;
import dev.kubeward.worker.intake.ChunkListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos through a real broker and real consumer-group rebalancing: a worker dies in the middle of a snapshot —
 * some chunks staged and committed, one staged but its offset never committed — and another worker of the
 * same group takes the partition over and finishes the snapshot. (The takeover of staged chunks alone, fed
 * directly, is in {@link ScanPipelineIT}.)
 */
class WorkerTakeoverIT extends PipelineTestSupport {

    private static final int KILLED_AFTER = 8;

    @Autowired @Qualifier(WorkerConfiguration.CONTAINER) MessageListenerContainer contextWorker;
    @Autowired WorkerKafka kafka;
    @Autowired WorkerProperties properties;
    @Autowired MeterRegistry meters;

    @Test
    void aWorkerKilledMidSnapshotIsReplacedByAnotherWorkerOfTheGroupAndTheResultEqualsACleanRun() throws Exception {
        Registered killed = register("killed");
        Registered clean = register("clean");
        List<JsonNode> objects = Fixtures.cluster(60);
        List<Signed> chunks = Fixtures.snapshot(killed.cluster(), objects, 15, killed.secret());
        assertThat(chunks).hasSizeGreaterThan(2 * KILLED_AFTER);

        // the test decides who is in the group: first only the worker that will die, then only its successor
        contextWorker.stop();
        KafkaMessageListenerContainer<String, byte[]> successor = null;
        try {
            CountDownLatch died = new CountDownLatch(1);
            KafkaMessageListenerContainer<String, byte[]> dying = dyingWorker(killed.cluster(), died);
            dying.start();
            send(killed.cluster(), chunks);
            assertThat(died.await(60, TimeUnit.SECONDS)).as("the first worker died mid-snapshot").isTrue();

            assertThat(countAs(killed.tenantId(), "SELECT count(*) FROM snapshot_chunks")).isEqualTo(KILLED_AFTER);
            assertThat(countAs(killed.tenantId(), "SELECT count(*) FROM scans")).isZero();

            successor = worker("successor", new ContainerProperties(Topic.INVENTORY_CHUNKS.topicName()));
            successor.start();
            awaitScans(killed, 1);
        } finally {
            if (successor != null) successor.stop();
            contextWorker.start();
        }

        send(clean.cluster(), Fixtures.snapshot(clean.cluster(), objects, 15, clean.secret()));
        awaitScans(clean, 1);

        List<String> afterTakeover = findings(killed);
        assertThat(afterTakeover).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(findings(clean));
        assertThat(afterTakeover).hasSize(ScanPipelineIT.expectedFindings(objects).size());
        for (String sql : List.of("SELECT count(*) FROM scans", "SELECT count(*) FROM finding_changes", "SELECT count(*) FROM resources",
                "SELECT count(*) FROM resource_changes", "SELECT count(*) FROM scan_control_summaries",
                "SELECT coalesce(sum(failed), 0) FROM scan_control_summaries",
                "SELECT count(*) FROM snapshots WHERE status = 'scanned'",
                "SELECT coalesce(sum(open_critical * 1000000 + open_high * 10000 + open_medium * 100 + open_low), 0) FROM scans")) {
            assertThat(countAs(killed.tenantId(), sql)).as(sql).isEqualTo(countAs(clean.tenantId(), sql));
        }
        assertThat(countAs(killed.tenantId(), "SELECT count(*) FROM scans")).isEqualTo(1);
        assertThat(countAs(killed.tenantId(), "SELECT count(*) FROM snapshot_chunks")).isZero();
        assertThat(countAs(killed.tenantId(), "SELECT count(*) FROM snapshot_rejections")).isZero();
    }

    /**
     * A worker that processes chunks normally until it has staged {@value #KILLED_AFTER} of {@code cluster}'s, and
     * dies right after staging the last of them: that chunk's offset is never committed, and the rest of its
     * poll is dropped, as when the process is killed.
     */
    private KafkaMessageListenerContainer<String, byte[]> dyingWorker(String cluster, CountDownLatch died) {
        ChunkListener listener = new ChunkListener(intake, meters);
        AtomicInteger staged = new AtomicInteger();
        AtomicReference<KafkaMessageListenerContainer<String, byte[]>> self = new AtomicReference<>();
        ContainerProperties container = new ContainerProperties(Topic.INVENTORY_CHUNKS.topicName());
        container.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        container.setStopImmediate(true);
        container.setMessageListener((AcknowledgingMessageListener<String, byte[]>) (record, ack) -> {
            if (died.getCount() == 0) throw new IllegalStateException("a dead worker processed a record");
            listener.onMessage(record);
            if (cluster.equals(record.key()) && staged.incrementAndGet() == KILLED_AFTER) {
                self.get().stop(died::countDown);
                return;
            }
            ack.acknowledge();
        });
        self.set(worker("dying", container));
        return self.get();
    }

    private KafkaMessageListenerContainer<String, byte[]> worker(String name, ContainerProperties container) {
        container.setGroupId(properties.groupId());
        container.setMissingTopicsFatal(false);
        if (container.getMessageListener() == null) {
            container.setAckMode(ContainerProperties.AckMode.RECORD);
            container.setMessageListener(new ChunkListener(intake, meters));
        }
        KafkaMessageListenerContainer<String, byte[]> c = new KafkaMessageListenerContainer<>(kafka.consumers(), container);
        c.setCommonErrorHandler(ChunkErrorHandling.errorHandler(kafka.template(), properties.retry()));
        c.setBeanName(name);
        return c;
    }

    private List<String> findings(Registered r) {
        return TenantContext.callAs(r.tenantId(), () -> jdbc.queryForList("""
                SELECT control_id || '|' || kind || '|' || namespace || '|' || name || '|' || severity || '|' || status
                  FROM findings""", String.class));
    }
}
