package dev.kubeward.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.worker.intake.StagedChunks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings as state over many scans: stable size, resolution, reopening, expiry of incomplete snapshots. */
class FindingLifecycleIT extends PipelineTestSupport {

    @Autowired StagedChunks stagedChunks;

    @Test
    void rescanningAnUnchangedClusterAHundredTimesOnlyGrowsThePerScanSummaries() {
        Registered r = register("steady");
        List<JsonNode> objects = Fixtures.cluster(20);
        // two scans through the broker, 98 through the consumer logic directly (same code, no broker round trips)
        send(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 50, r.secret()));
        send(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 50, r.secret()));
        awaitScans(r, 2);
        UUID t = r.tenantId();
        long findings = countAs(t, "SELECT count(*) FROM findings");
        long resources = countAs(t, "SELECT count(*) FROM resources");
        assertThat(findings).isEqualTo(ScanPipelineIT.expectedFindings(objects).size()).isPositive();

        for (int i = 2; i < 100; i++) deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 50, r.secret()));

        ControlCatalog catalog = ControlCatalog.standard();
        assertThat(countAs(t, "SELECT count(*) FROM scans")).isEqualTo(100);
        assertThat(countAs(t, "SELECT count(*) FROM findings")).isEqualTo(findings);
        assertThat(countAs(t, "SELECT count(*) FROM findings WHERE status = 'open'")).isEqualTo(findings);
        assertThat(countAs(t, "SELECT count(*) FROM resources")).isEqualTo(resources);
        assertThat(countAs(t, "SELECT count(*) FROM finding_changes")).isEqualTo(findings); // all 'new', from the first scan
        assertThat(countAs(t, "SELECT count(*) FROM resource_changes")).isEqualTo(resources); // all 'added', from the first scan
        assertThat(countAs(t, "SELECT count(*) FROM scan_framework_scores")).isEqualTo(100L * catalog.frameworks().size());
        assertThat(countAs(t, "SELECT count(*) FROM scan_control_summaries")).isEqualTo(100L * catalog.controls().size());
        assertThat(countAs(t, "SELECT count(*) FROM snapshot_chunks")).isZero();
        assertThat(countAs(t, "SELECT count(DISTINCT new_findings) FROM scans WHERE new_findings > 0")).isEqualTo(1);
    }

    @Test
    void aFixedFindingIsResolvedByTheNextCompleteSnapshotAndReopenedWhenItReappears() {
        Registered r = register("fixer");
        UUID t = r.tenantId();
        List<JsonNode> base = new ArrayList<>(Fixtures.cluster(5));
        JsonNode bad = Fixtures.deployment("ns-0", "payments", true, true, false);
        JsonNode fixed = Fixtures.deployment("ns-0", "payments", false, false, true);

        deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), with(base, bad), 10, r.secret()));
        List<Map<String, Object>> before = findingsOf(t, "payments");
        assertThat(before).isNotEmpty().allSatisfy(f -> assertThat(f.get("status")).isEqualTo("open"));

        deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), with(base, fixed), 10, r.secret()));
        List<Map<String, Object>> resolvedNow = findingsOf(t, "payments").stream().filter(f -> "resolved".equals(f.get("status"))).toList();
        assertThat(resolvedNow).isNotEmpty().allSatisfy(f -> assertThat(f.get("resolved_at")).isNotNull());
        assertThat(countAs(t, "SELECT count(*) FROM finding_changes WHERE change = 'resolved'")).isEqualTo(resolvedNow.size());
        assertThat(countAs(t, "SELECT count(*) FROM resource_changes WHERE change = 'changed' AND name = 'payments'")).isEqualTo(1);

        deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), with(base, bad), 10, r.secret()));
        List<Map<String, Object>> after = findingsOf(t, "payments");
        assertThat(after).extracting(f -> f.get("id")).containsExactlyInAnyOrderElementsOf(before.stream().map(f -> f.get("id")).toList());
        assertThat(after).allSatisfy(f -> {
            assertThat(f.get("status")).isEqualTo("open");
            assertThat(f.get("resolved_at")).isNull();
        });
        assertThat(countAs(t, "SELECT count(*) FROM finding_changes WHERE change = 'reopened'")).isEqualTo(resolvedNow.size());
        assertThat(countAs(t, "SELECT new_findings FROM scans ORDER BY scanned_at DESC LIMIT 1")).isEqualTo(resolvedNow.size());
        // first seen is kept across resolution and reopening
        assertThat(after).extracting(f -> f.get("first_seen")).containsExactlyInAnyOrderElementsOf(before.stream().map(f -> f.get("first_seen")).toList());
    }

    @Test
    void anObjectThatDisappearsIsRemovedAndItsFindingsResolved() {
        Registered r = register("shrink");
        UUID t = r.tenantId();
        List<JsonNode> base = new ArrayList<>(Fixtures.cluster(5));
        deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), with(base, Fixtures.deployment("ns-0", "legacy", true, true, false)), 10, r.secret()));
        assertThat(findingsOf(t, "legacy")).isNotEmpty();
        deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), base, 10, r.secret()));
        assertThat(findingsOf(t, "legacy")).allSatisfy(f -> assertThat(f.get("status")).isEqualTo("resolved"));
        assertThat(countAs(t, "SELECT count(*) FROM resources WHERE name = 'legacy' AND deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(countAs(t, "SELECT count(*) FROM resource_changes WHERE change = 'removed' AND name = 'legacy'")).isEqualTo(1);
    }

    @Test
    void aSnapshotThatNeverCompletesExpiresAndLosesItsChunks() {
        Registered r = register("halfway");
        UUID t = r.tenantId();
        var chunks = Fixtures.snapshot(r.cluster(), Fixtures.cluster(10), 20, r.secret());
        deliverDirectly(r.cluster(), chunks.subList(0, 2));
        assertThat(countAs(t, "SELECT count(*) FROM snapshot_chunks")).isEqualTo(2);

        await("a second to pass", Duration.ofSeconds(5), () -> countAs(t,
                "SELECT count(*) FROM snapshots WHERE first_chunk_at < now() - interval '1 second'") == 1);
        assertThat(stagedChunks.expireIdle(Duration.ofHours(1))).isZero();
        assertThat(stagedChunks.expireIdle(Duration.ofSeconds(1))).isEqualTo(1);

        assertThat(countAs(t, "SELECT count(*) FROM snapshots WHERE status = 'expired' AND reason LIKE 'incomplete%2 of unknown%'")).isEqualTo(1);
        assertThat(countAs(t, "SELECT count(*) FROM snapshot_chunks")).isZero();
        // a late chunk of the expired snapshot changes nothing
        deliverDirectly(r.cluster(), chunks.subList(2, chunks.size()));
        assertThat(countAs(t, "SELECT count(*) FROM scans")).isZero();
        assertThat(countAs(t, "SELECT count(*) FROM snapshot_chunks")).isZero();
    }

    private List<Map<String, Object>> findingsOf(UUID tenant, String name) {
        return TenantContext.callAs(tenant, () -> jdbc.queryForList(
                "SELECT id, control_id, status, resolved_at, first_seen FROM findings WHERE name = ? ORDER BY id", name));
    }

    private static List<JsonNode> with(List<JsonNode> base, JsonNode extra) {
        List<JsonNode> all = new ArrayList<>(base);
        all.add(extra);
        return all;
    }
}
