package dev.kubeward.worker.intake;

import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.Headers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.MessageListener;

import java.nio.charset.StandardCharsets;

/**
 * Adapts Kafka records of {@code Topic.INVENTORY_CHUNKS} to {@link ChunkIntake}. Values arrive as byte[]
 * (ByteArrayDeserializer) so the signature is checked over the exact bytes the agent signed. Offsets are
 * committed by the container after this returns (at-least-once); exceptions go to the error handler.
 */
public final class ChunkListener implements MessageListener<String, byte[]> {

    private final ChunkIntake intake;
    private final MeterRegistry meters;

    public ChunkListener(ChunkIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Header signature = record.headers().lastHeader(Headers.SIGNATURE);
        IncomingChunk chunk = new IncomingChunk(record.key(), record.value(),
                signature == null || signature.value() == null ? null : new String(signature.value(), StandardCharsets.US_ASCII),
                record.topic() + "-" + record.partition() + "@" + record.offset());
        try {
            ChunkIntake.Outcome outcome = intake.accept(chunk);
            meters.counter("kubeward.worker.chunks", "outcome", outcome.name().toLowerCase(), "code", "none").increment();
        } catch (ChunkRejectedException e) {
            meters.counter("kubeward.worker.chunks", "outcome", "rejected", "code", e.code()).increment();
            throw e;
        }
    }
}
