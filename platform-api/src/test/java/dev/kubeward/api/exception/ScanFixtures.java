package dev.kubeward.api.exception;

import dev.kubeward.contract.Uuid7;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.worker.finding.ScanOutcome;
import dev.kubeward.worker.finding.ScanRecorder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real scans for tests of exceptions, reports and alerts: demo manifests evaluated by the engine and recorded
 * by the worker's own {@link ScanRecorder}, exactly as the pipeline writes them (findings, finding changes,
 * per-scan summaries and scores), without a broker round trip.
 */
public final class ScanFixtures {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ScanFixtures(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Objects of demo manifest files on the class path (e.g. {@code demo/extra/payments-api.yaml}). */
    public static List<KubeObject> manifests(String... resources) {
        List<KubeObject> objects = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (String r : resources) {
            try {
                new ManifestReader().read(new ClassPathResource(r).getContentAsString(StandardCharsets.UTF_8), r, objects, skipped);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return objects;
    }

    /** Scans the objects as the cluster's next snapshot and records it; returns what changed. */
    public ScanOutcome scan(UUID tenant, UUID cluster, List<KubeObject> objects) {
        UUID snapshot = Uuid7.next();
        TenantContext.runAs(tenant, () -> jdbc.update("""
                INSERT INTO snapshots (id, tenant_id, cluster_id, status, chunk_count, chunks_received, object_count)
                VALUES (?, ?, ?, 'receiving', 1, 1, ?)""", snapshot, tenant, cluster, objects.size()));
        ControlCatalog catalog = ControlCatalog.standard();
        ScanResult result = Evaluator.standard().evaluate(Snapshot.of(objects), ControlInputs.defaults(), catalog.controls());
        return new ScanRecorder(jdbc, tx, catalog, "test-library-1").record(tenant, cluster, snapshot,
                new ScanRecorder.SnapshotFacts(objects, null, "test-agent-0.1", Instant.now()), result).orElseThrow();
    }
}
