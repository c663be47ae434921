package dev.kubeward.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.collect.KubernetesApiSource;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.KafkaChunkPublisher;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.infra.testing.TestInfrastructure;
import dev.kubeward.worker.PipelineTestSupport;
import dev.kubeward.worker.evaluation.SnapshotAssembler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline with nothing faked but the API server: the agent's collector against fabric8's mock
 * API server in CRUD mode → snapshot chunks → the agent's Kafka publisher → a real broker → the worker →
 * real PostgreSQL. What lands in the database must equal what the CLI's engine reports for the same objects
 * written as YAML files.
 */
class AgentToDatabaseIT extends PipelineTestSupport {

    @Test
    void findingsOfAClusterCollectedThroughTheApiEqualWhatTheCliReportsForTheSameObjectsAsFiles(@TempDir Path files) throws IOException {
        Registered r = register("e2e");
        try (MockCluster cluster = MockCluster.start(500)) {
            assertThat(cluster.objects()).hasSizeGreaterThan(3000);
            KubernetesApiSource source = new KubernetesApiSource(cluster.client(), 250);
            ClusterMetadata metadata = source.clusterMetadata();
            assertThat(metadata.provider()).isEqualTo("eks");

            SnapshotSender.Sent sent;
            try (KafkaChunkPublisher publisher = new KafkaChunkPublisher(TestInfrastructure.kafka().bootstrapServers(),
                    new ClusterCredential(r.cluster(), r.secret()), Map.of())) {
                sent = new SnapshotSender(r.cluster(), publisher).send(source, metadata, Instant.now());
            }
            assertThat(sent.objects()).isEqualTo(cluster.objects().size());
            assertThat(sent.chunks()).as("a snapshot of several chunks").isGreaterThan(1);
            assertThat(source.lastReport().skippedKinds().keySet()).allSatisfy(k -> assertThat(k).containsAnyOf("istio", "gateway"));

            await("the snapshot scanned", Duration.ofSeconds(120),
                    () -> countAs(r.tenantId(), "SELECT count(*) FROM scans WHERE cluster_id = ?", r.clusterId()) >= 1);

            cluster.dumpAsKubectlWould(files);
            Set<String> expected = cliFindings(files, metadata);
            assertThat(expected).hasSizeGreaterThan(1000);
            List<String> actual = TenantContext.callAs(r.tenantId(), () -> jdbc.queryForList(
                    "SELECT control_id || '|' || kind || '|' || namespace || '|' || name FROM findings WHERE status = 'open'", String.class));
            assertThat(actual).doesNotHaveDuplicates();
            Set<String> missing = new TreeSet<>(expected);
            actual.forEach(missing::remove);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            assertThat(missing).as("reported by the CLI, not in the database").isEmpty();
            assertThat(extra).as("in the database, not reported by the CLI").isEmpty();
            assertThat(countAs(r.tenantId(), "SELECT count(*) FROM resources")).isEqualTo(cluster.objects().size());
            assertThat(countAs(r.tenantId(), "SELECT count(*) FROM snapshots WHERE status = 'scanned' AND chunk_count = ?", sent.chunks()))
                    .isEqualTo(1);
            assertThat(countAs(r.tenantId(), "SELECT count(*) FROM resources WHERE kind = 'Secret' AND body::text LIKE '%c2VjcmV0%'")).isZero();
        }
    }

    /**
     * What {@code kubeward scan <dir>} evaluates: the files through {@link ManifestReader}, all controls, default
     * inputs. NB: files carry no cluster, so the CLI's engine is given the cluster the agent detected — the one
     * input a directory of manifests cannot have (provider-specific controls depend on it).
     */
    static Set<String> cliFindings(Path dir, ClusterMetadata detected) throws IOException {
        ManifestReader.Result read = new ManifestReader().read(List.of(dir));
        assertThat(read.skipped()).isEmpty();
        ClusterInfo cluster = new ClusterInfo(SnapshotAssembler.provider(detected.provider()), detected.kubernetesVersion(), detected.nodeCount());
        ScanResult result = Evaluator.standard().evaluate(new Snapshot(cluster, read.objects()), ControlInputs.defaults(),
                ControlCatalog.standard().controls());
        Set<String> out = new HashSet<>();
        for (ControlResult c : result.controls()) {
            for (ResourceResult rr : c.resources()) {
                if (!rr.failed()) continue;
                out.add(c.control().id() + "|" + rr.resource().kind() + "|"
                        + (rr.resource().namespace() == null ? "" : rr.resource().namespace()) + "|" + rr.resource().name());
            }
        }
        return out;
    }
}
