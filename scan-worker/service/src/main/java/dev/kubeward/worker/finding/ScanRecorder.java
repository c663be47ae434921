package dev.kubeward.worker.finding;

import dev.kubeward.contract.Uuid7;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.worker.finding.internal.Findings;
import dev.kubeward.worker.finding.internal.Resources;
import dev.kubeward.worker.finding.internal.Scans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes one scan in ONE transaction in the tenant's scope: findings upserted as state (new, reopened,
 * resolved recorded in finding_changes), the scan row with open counts, a score per framework, a summary
 * per control, resources and their drift, the cluster's facts; the staged chunks are dropped. Until this
 * commits, the Kafka offset of the last chunk is not committed, so a crash anywhere means redelivery, and
 * redelivery finds either the staged chunks (scan again) or a scanned snapshot (nothing to do).
 */
public class ScanRecorder {

    private static final Logger log = LoggerFactory.getLogger(ScanRecorder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Findings findings;
    private final Scans scans;
    private final Resources resources;
    private final ControlCatalog catalog;
    private final String libraryVersion;

    public ScanRecorder(JdbcTemplate jdbc, TransactionTemplate tx, ControlCatalog catalog, String libraryVersion) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.findings = new Findings(jdbc);
        this.scans = new Scans(jdbc);
        this.resources = new Resources(jdbc);
        this.catalog = catalog;
        this.libraryVersion = libraryVersion;
    }

    /** What the agent said about its cluster and snapshot; {@code metadata} may be null. */
    public record SnapshotFacts(List<KubeObject> objects, ClusterMetadata metadata, String agentVersion, Instant collectedAt) {
    }

    /** @return what changed, or empty when the snapshot was already scanned or is older than the latest scan */
    public Optional<ScanOutcome> record(UUID tenantId, UUID clusterId, UUID snapshotId, SnapshotFacts snapshot, ScanResult result) {
        ScanSummary summary = ScanSummary.of(result, catalog);
        List<ResourceRow> rows = ResourceRow.of(snapshot.objects());
        Optional<ScanOutcome> outcome = recordInTransaction(tenantId, clusterId, snapshotId, snapshot, summary, rows);
        outcome.filter(o -> o.newFindings().size() >= LARGE_CHANGE).ifPresent(o -> refreshPlannerStatistics());
        return outcome;
    }

    /** New findings in one scan past which the planner's statistics are refreshed (see {@link #refreshPlannerStatistics}). */
    static final int LARGE_CHANGE = 5_000;

    /**
     * NB: a large first scan of a new cluster can multiply the rows of the hot tables before autovacuum has
     * analysed them; with stale statistics the next scans' upserts and resolves planned badly (a 10k-object
     * cluster took ~100 s instead of ~7 s in the pipeline benchmark). ANALYZE needs the tables' owner.
     */
    private void refreshPlannerStatistics() {
        try {
            TenantContext.runAsSystem("refresh planner statistics after a large scan", () -> {
                jdbc.execute("ANALYZE findings");
                jdbc.execute("ANALYZE resources");
                jdbc.execute("ANALYZE finding_changes");
            });
        } catch (RuntimeException e) {
            log.warn("could not refresh planner statistics: {}", e.getMessage());
        }
    }

    private Optional<ScanOutcome> recordInTransaction(UUID tenantId, UUID clusterId, UUID snapshotId, SnapshotFacts snapshot,
                                                      ScanSummary summary, List<ResourceRow> rows) {
        return TenantContext.callAs(tenantId, () -> tx.execute(status -> {
            if (!scans.claim(tenantId, snapshotId)) {
                log.debug("snapshot {} was already scanned", snapshotId);
                return Optional.<ScanOutcome>empty();
            }
            UUID latest = scans.lastScannedSnapshot(tenantId, clusterId);
            if (olderThan(snapshotId, latest)) {
                // NB: resolving findings from an older picture would undo what a newer snapshot found.
                scans.supersede(tenantId, snapshotId, "superseded: snapshot " + latest + " is newer and was scanned first");
                return Optional.<ScanOutcome>empty();
            }
            UUID scanId = Uuid7.next();
            // A scan is dated when its objects were observed (the agent's collection time, never in the future),
            // so history pushed late — or after an outage — lands on the days it describes.
            Instant now = Instant.now();
            Instant observed = snapshot.collectedAt() == null || snapshot.collectedAt().isAfter(now) ? now : snapshot.collectedAt();
            Instant at = observed.truncatedTo(ChronoUnit.MICROS);
            List<Findings.Upserted> upserted = findings.upsert(tenantId, clusterId, scanId, at, summary.findings());
            List<FindingChange> resolved = findings.resolveMissing(tenantId, clusterId, scanId, at, summary.evaluatedControls());
            List<FindingChange> created = new ArrayList<>();
            List<FindingChange> reopened = new ArrayList<>();
            for (Findings.Upserted u : upserted) {
                if (u.inserted()) created.add(u.finding());
                else if (u.reopened()) reopened.add(u.finding());
            }
            int objectCount = snapshot.objects().size();
            // new_findings counts what became open with this scan: first seen or reopened.
            scans.insertScan(tenantId, clusterId, scanId, snapshotId, at, objectCount, summary.openBySeverity(),
                    created.size() + reopened.size(), resolved.size(), libraryVersion);
            findings.recordChanges(tenantId, scanId, at, "new", created);
            findings.recordChanges(tenantId, scanId, at, "reopened", reopened);
            findings.recordChanges(tenantId, scanId, at, "resolved", resolved);
            scans.insertSummaries(tenantId, clusterId, scanId, at, summary);
            resources.sync(tenantId, clusterId, scanId, at, rows);
            scans.updateCluster(tenantId, clusterId, scanId, snapshot.metadata(), snapshot.agentVersion(), at);
            scans.dropChunks(tenantId, snapshotId);
            return Optional.of(new ScanOutcome(tenantId, clusterId, scanId, snapshotId, at, objectCount, summary.openBySeverity(),
                    List.copyOf(created), List.copyOf(reopened), List.copyOf(resolved)));
        }));
    }

    /** UUIDv7 ids sort by creation time (the first 48 bits are milliseconds). */
    static boolean olderThan(UUID candidate, UUID latest) {
        if (latest == null || candidate.version() != 7 || latest.version() != 7) return false;
        return Long.compareUnsigned(candidate.getMostSignificantBits() >>> 16, latest.getMostSignificantBits() >>> 16) < 0;
    }
}
