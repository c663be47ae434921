package dev.kubeward.worker.evaluation;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.custom.CompiledCustomControl;
import dev.kubeward.engine.custom.ControlSet;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.worker.events.FindingEvents;
import dev.kubeward.worker.events.ScanEvent;
import dev.kubeward.worker.finding.ScanOutcome;
import dev.kubeward.worker.finding.ScanRecorder;
import dev.kubeward.worker.intake.SnapshotCompleted;
import dev.kubeward.worker.intake.StagedChunks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Scans a complete snapshot: decodes its staged chunks, evaluates every catalogue control and the tenant's custom ones, records the
 * result in one transaction, then publishes the scan event. Evaluation runs outside the transaction (it
 * is pure and may take seconds on a large cluster); the transaction claims the snapshot first, so a
 * snapshot scanned twice by racing workers is written once.
 */
public class SnapshotScanner implements SnapshotCompleted {

    private static final Logger log = LoggerFactory.getLogger(SnapshotScanner.class);

    private final StagedChunks chunks;
    private final Evaluator evaluator;
    private final ControlCatalog catalog;
    private final Function<UUID, ControlInputs> inputsOfTenant;
    private final ScanRecorder recorder;
    private final FindingEvents events;
    private final MeterRegistry meters;
    private final Function<UUID, List<CompiledCustomControl>> customOfTenant;

    /** @param inputsOfTenant control inputs per tenant: defaults for now; tenant settings may override them later */
    public SnapshotScanner(StagedChunks chunks, Evaluator evaluator, ControlCatalog catalog, Function<UUID, ControlInputs> inputsOfTenant,
                           ScanRecorder recorder, FindingEvents events, MeterRegistry meters) {
        this(chunks, evaluator, catalog, inputsOfTenant, tenant -> List.of(), recorder, events, meters);
    }

    /** @param customOfTenant the tenant's custom controls, evaluated with the catalogue's (see {@link CustomControls}) */
    public SnapshotScanner(StagedChunks chunks, Evaluator evaluator, ControlCatalog catalog, Function<UUID, ControlInputs> inputsOfTenant,
                           Function<UUID, List<CompiledCustomControl>> customOfTenant, ScanRecorder recorder, FindingEvents events,
                           MeterRegistry meters) {
        this.customOfTenant = customOfTenant;
        this.chunks = chunks;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.inputsOfTenant = inputsOfTenant;
        this.recorder = recorder;
        this.events = events;
        this.meters = meters;
    }

    @Override
    public void scan(UUID tenantId, UUID clusterId, UUID snapshotId) {
        Timer.Sample sample = Timer.start(meters);
        List<byte[]> staged = chunks.chunksOf(tenantId, snapshotId);
        if (staged.isEmpty()) return; // scanned meanwhile by another worker, which dropped the chunks
        AssembledSnapshot snapshot = SnapshotAssembler.assemble(staged);
        List<CompiledCustomControl> custom = customOfTenant.apply(tenantId);
        ScanResult result = custom.isEmpty()
                ? evaluator.evaluate(snapshot.snapshot(), inputsOfTenant.apply(tenantId), catalog.controls())
                : ControlSet.of(catalog, evaluator.library(), custom).evaluate(snapshot.snapshot(), inputsOfTenant.apply(tenantId));
        Optional<ScanOutcome> outcome = recorder.record(tenantId, clusterId, snapshotId,
                new ScanRecorder.SnapshotFacts(snapshot.snapshot().objects(), snapshot.metadata(), snapshot.agentVersion(),
                        snapshot.collectedAt()), result);
        sample.stop(meters.timer("kubeward.worker.scan.duration"));
        outcome.ifPresent(o -> {
            meters.counter("kubeward.worker.scans").increment();
            meters.counter("kubeward.worker.scanned.objects").increment(o.objectCount());
            log.info("scanned snapshot {} of cluster {}: {} objects, {} new, {} reopened, {} resolved findings", snapshotId, clusterId,
                    o.objectCount(), o.newFindings().size(), o.reopened().size(), o.resolved().size());
            events.scanCompleted(ScanEvent.of(o));
        });
    }
}
