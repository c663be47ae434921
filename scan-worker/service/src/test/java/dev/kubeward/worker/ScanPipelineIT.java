package dev.kubeward.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.Topic;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.worker.Fixtures.Signed;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole path through a real broker: signed chunks on the topic → findings in PostgreSQL, rejects → dead-letter topic. */
class ScanPipelineIT extends PipelineTestSupport {

    private static final String[] TENANT_TABLES = {"snapshots", "snapshot_chunks", "scans", "findings", "resources",
            "scan_framework_scores", "scan_control_summaries", "finding_changes", "resource_changes"};

    @Autowired @Qualifier("scanWorkerHealthIndicator") HealthIndicator consumerHealth;
    @Autowired @Qualifier("kafkaHealthIndicator") HealthIndicator kafkaHealth;
    @Autowired MeterRegistry meters;

    @Test
    void findingsInTheDatabaseEqualWhatTheEngineReportsForTheSameObjects() throws Exception {
        Registered r = register("acme");
        List<JsonNode> objects = Fixtures.cluster(50);
        assertThat(objects).hasSizeGreaterThan(300);
        List<Signed> chunks = Fixtures.snapshot(r.cluster(), objects, 40, r.secret());
        assertThat(chunks).hasSizeGreaterThan(5);

        send(r.cluster(), chunks);
        awaitScans(r, 1);

        Set<String> expected = expectedFindings(objects);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(openFindings(r)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);

        ControlCatalog catalog = ControlCatalog.standard();
        UUID tenant = r.tenantId();
        assertThat(countAs(tenant, "SELECT count(*) FROM scan_framework_scores")).isEqualTo(catalog.frameworks().size());
        assertThat(countAs(tenant, "SELECT count(*) FROM scan_control_summaries")).isEqualTo(catalog.controls().size());
        assertThat(countAs(tenant, "SELECT count(*) FROM resources")).isEqualTo(objects.size());
        assertThat(countAs(tenant, "SELECT count(*) FROM resources WHERE kind = 'Secret' AND ((body -> 'data') IS NOT NULL OR (body -> 'stringData') IS NOT NULL)")).isZero();
        assertThat(countAs(tenant, "SELECT count(*) FROM resource_changes WHERE change = 'added'")).isEqualTo(objects.size());
        assertThat(countAs(tenant, "SELECT count(*) FROM finding_changes WHERE change = 'new'")).isEqualTo(expected.size());
        assertThat(countAs(tenant, "SELECT count(*) FROM snapshot_chunks")).isZero();
        assertThat(countAs(tenant, "SELECT count(*) FROM snapshots WHERE status = 'scanned' AND chunk_count = ?", chunks.size())).isEqualTo(1);
        assertThat(countAs(tenant, """
                SELECT count(*) FROM clusters c JOIN scans s ON s.id = c.last_scan_id
                 WHERE c.provider = 'eks' AND c.kubernetes_version = 'v1.29.3-eks-1' AND c.node_count = 3
                   AND c.agent_version = '0.1.0-test' AND c.last_snapshot_at IS NOT NULL
                   AND s.open_critical + s.open_high + s.open_medium + s.open_low = ?""", expected.size())).isEqualTo(1);

        var events = awaitRecords(Topic.FINDINGS_EVENTS, r.cluster(), 1, rec -> true);
        JsonNode event = ChunkCodec.mapper().readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("scan-completed");
        assertThat(event.path("newCount").asInt()).isEqualTo(expected.size());
        assertThat(event.path("tenantId").asText()).isEqualTo(tenant.toString());

        assertThat(meters.get("kubeward.worker.scans").counter().count()).isPositive();
        assertThat(meters.get("kubeward.worker.chunks").tag("outcome", "scanned").counter().count()).isPositive();
        assertThat(consumerHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(kafkaHealth.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void chunksDeliveredTwiceMakeNoDuplicates() {
        Registered r = register("twice");
        List<JsonNode> objects = Fixtures.cluster(20);
        List<Signed> chunks = Fixtures.snapshot(r.cluster(), objects, 30, r.secret());
        for (Signed s : chunks) {
            send(r.cluster(), s.bytes(), s.signature());
            send(r.cluster(), s.bytes(), s.signature());
        }
        send(r.cluster(), chunks); // and the whole snapshot again, after it was scanned
        // a second snapshot on the same partition: once it is scanned, every duplicate before it was consumed
        send(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 30, r.secret()));
        awaitScans(r, 2);

        Set<String> expected = expectedFindings(objects);
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM scans")).isEqualTo(2);
        assertThat(openFindings(r)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM findings")).isEqualTo(expected.size());
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM finding_changes")).isEqualTo(expected.size());
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM resources")).isEqualTo(objects.size());
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM snapshot_rejections")).isZero();
    }

    @Test
    void rejectsChunkSignedByAnotherClusterAndWritesNothingToEitherTenant() {
        Registered victim = register("victim");
        Registered other = register("other");
        List<JsonNode> objects = Fixtures.cluster(10);
        // names the victim's cluster (key and payload) but is signed with the other cluster's secret
        List<Signed> forged = Fixtures.snapshot(victim.cluster(), objects, 1000, other.secret());
        send(victim.cluster(), forged);

        var dead = awaitRecords(Topic.INVENTORY_DEAD_LETTER, victim.cluster(), 1, rec -> true);
        assertThat(header(dead.get(0), Headers.REJECTION_CODE)).isEqualTo("bad-signature");
        assertThat(dead.get(0).value()).isEqualTo(forged.get(0).bytes());

        // the next good snapshot goes through: the partition kept moving
        send(victim.cluster(), Fixtures.snapshot(victim.cluster(), objects, 1000, victim.secret()));
        awaitScans(victim, 1);

        assertThat(countAs(victim.tenantId(), "SELECT count(*) FROM snapshots")).isEqualTo(1); // the good one only
        for (String table : TENANT_TABLES) {
            assertThat(countAs(other.tenantId(), "SELECT count(*) FROM " + table)).as(table).isZero();
        }
        // the only trace of the forgery: a note on the cluster the key claimed, without payload data
        assertThat(countAs(victim.tenantId(), "SELECT count(*) FROM snapshot_rejections WHERE code = 'bad-signature' AND snapshot_id IS NULL"))
                .isEqualTo(1);
        assertThat(countAs(other.tenantId(), "SELECT count(*) FROM snapshot_rejections")).isZero();
        assertThat(countAs(other.tenantId(), "SELECT count(*) FROM clusters WHERE last_rejection IS NOT NULL")).isZero();
    }

    @Test
    void forgedChunkAloneLeavesNoTenantDataBehind() {
        Registered victim = register("victim2");
        Registered other = register("other2");
        send(victim.cluster(), Fixtures.snapshot(victim.cluster(), Fixtures.cluster(5), 1000, other.secret()));
        awaitRecords(Topic.INVENTORY_DEAD_LETTER, victim.cluster(), 1, rec -> "bad-signature".equals(header(rec, Headers.REJECTION_CODE)));
        await("rejection note", java.time.Duration.ofSeconds(30),
                () -> countAs(victim.tenantId(), "SELECT count(*) FROM snapshot_rejections") == 1);
        for (String table : TENANT_TABLES) {
            assertThat(countAs(victim.tenantId(), "SELECT count(*) FROM " + table)).as(table).isZero();
            assertThat(countAs(other.tenantId(), "SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }

    @Test
    void corruptAndOversizedChunksAreDeadLetteredAndTheNextSnapshotIsProcessed() {
        Registered r = register("noisy");
        byte[] corrupt = "{\"not\":\"gzip\"}".getBytes();
        send(r.cluster(), corrupt, Fixtures.signature(corrupt, r.secret()));
        byte[] oversized = new byte[WireLimits.MAX_CHUNK_BYTES + 1024];
        new Random(11).nextBytes(oversized);
        send(r.cluster(), oversized, Fixtures.signature(oversized, r.secret()));
        Signed future = Fixtures.sign(new SnapshotChunk(2, r.cluster(), UUID.randomUUID().toString(), 0, true, 0, "9",
                java.time.Instant.now(), Fixtures.EKS, List.of()), r.secret());
        send(r.cluster(), future.bytes(), future.signature());
        List<JsonNode> objects = Fixtures.cluster(10);
        send(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 25, r.secret()));

        awaitScans(r, 1);
        var dead = awaitRecords(Topic.INVENTORY_DEAD_LETTER, r.cluster(), 3, rec -> true);
        assertThat(dead).extracting(rec -> header(rec, Headers.REJECTION_CODE))
                .containsExactlyInAnyOrder("undecodable", "oversized", "unknown-schema");
        assertThat(dead).allSatisfy(rec -> assertThat(header(rec, Headers.REJECTION_REASON)).isNotBlank());
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM snapshot_rejections")).isEqualTo(3);
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM clusters WHERE last_rejection LIKE 'unknown-schema:%'")).isEqualTo(1);
        assertThat(openFindings(r)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedFindings(objects));
    }

    @Test
    void aSnapshotHalfStagedByAWorkerThatDiedIsFinishedByTheWorkerThatTakesOver() {
        Registered r = register("takeover");
        List<JsonNode> objects = Fixtures.cluster(20);
        List<Signed> chunks = Fixtures.snapshot(r.cluster(), objects, 20, r.secret());
        assertThat(chunks).hasSizeGreaterThan(4);
        // worker A staged the first chunks, then died before its offsets were committed ...
        deliverDirectly(r.cluster(), chunks.subList(0, 3));
        // ... so the group hands every chunk of the partition to worker B
        send(r.cluster(), chunks);
        awaitScans(r, 1);
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM scans")).isEqualTo(1);
        assertThat(openFindings(r)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedFindings(objects));
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM snapshot_chunks")).isZero();
    }

    @Test
    void aDatabaseOutageIsRetriedWithBackOffAndLosesNothing() {
        Registered r = register("outage");
        List<JsonNode> objects = Fixtures.cluster(10);
        // more failures than the attempts allowed for bugs: transient failures retry without limit
        FlakyDatabase.failNextConnections(8);
        send(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 20, r.secret()));
        awaitScans(r, 1);
        assertThat(FlakyDatabase.failuresLeft()).isZero();
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM scans")).isEqualTo(1);
        assertThat(openFindings(r)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedFindings(objects));
        assertThat(countAs(r.tenantId(), "SELECT count(*) FROM snapshot_rejections")).isZero();
    }

    /** The tenant's open findings in the form of {@link #expectedFindings}: duplicates stay visible. */
    private List<String> openFindings(Registered r) {
        return TenantContext.callAs(r.tenantId(), () -> jdbc.queryForList(
                "SELECT control_id || '|' || kind || '|' || namespace || '|' || name || '|' || severity FROM findings WHERE status = 'open'",
                String.class));
    }

    static Set<String> expectedFindings(List<JsonNode> objects) {
        ScanResult result = Evaluator.standard().evaluate(new Snapshot(new ClusterInfo(ClusterInfo.Provider.EKS, "v1.29.3-eks-1", 3),
                objects.stream().map(KubeObject::of).toList()), ControlInputs.defaults(), ControlCatalog.standard().controls());
        Set<String> expected = new HashSet<>();
        for (ControlResult c : result.controls()) {
            for (ResourceResult rr : c.resources()) {
                if (!rr.failed()) continue;
                expected.add(c.control().id() + "|" + rr.resource().kind() + "|"
                        + (rr.resource().namespace() == null ? "" : rr.resource().namespace()) + "|" + rr.resource().name() + "|"
                        + c.control().severity().name().toLowerCase());
            }
        }
        return expected;
    }
}
