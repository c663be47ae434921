package dev.kubeward.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.api.demo.DemoDefinition;
import dev.kubeward.api.demo.DemoDefinition.DemoCluster;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.worker.finding.ScanOutcome;
import dev.kubeward.worker.finding.ScanRecorder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The embedded demo's clusters for the browser tests: each cluster's objects on each of its fifteen days
 * (base manifests plus timeline steps, as {@code demo.yaml} describes them), evaluated by the engine and
 * recorded by the worker's own {@link ScanRecorder} with the day's date, so pages show real findings,
 * scores and fourteen days of history without a broker round trip.
 */
final class UiDemoData {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
            "StorageClass", "CustomResourceDefinition", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "PriorityClass", "IngressClass", "RuntimeClass", "APIService");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    UiDemoData(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    static DemoCluster cluster(String name) {
        return DemoDefinition.load().tenants().stream().flatMap(t -> t.clusters().stream()).filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** Records the cluster's fifteen daily scans, the last one now. */
    void history(UUID tenant, UUID clusterId, DemoCluster c) {
        TenantContext.runAs(tenant, () -> jdbc.update("UPDATE clusters SET region = ? WHERE tenant_id = ? AND id = ?", c.region(), tenant, clusterId));
        Instant now = Instant.now();
        for (int day = 0; day <= DemoDefinition.HISTORY_DAYS; day++) {
            Instant at = now.minus(Duration.ofDays(DemoDefinition.HISTORY_DAYS - day)).minus(Duration.ofMinutes(day == DemoDefinition.HISTORY_DAYS ? 1 : 0));
            scan(tenant, clusterId, c, objectsOn(c, day), at);
        }
    }

    void scan(UUID tenant, UUID clusterId, DemoCluster c, List<KubeObject> objects, Instant at) {
        UUID snapshot = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> jdbc.update("""
                INSERT INTO snapshots (id, tenant_id, cluster_id, status, chunk_count, chunks_received, object_count, first_chunk_at)
                VALUES (?, ?, ?, 'receiving', 1, 1, ?, ?)""", snapshot, tenant, clusterId, objects.size(), java.sql.Timestamp.from(at)));
        ControlCatalog catalog = ControlCatalog.standard();
        var result = Evaluator.standard().evaluate(Snapshot.of(objects), ControlInputs.defaults(), catalog.controls());
        ScanOutcome o = new ScanRecorder(jdbc, tx, catalog, "kubescape-library-ui-test").record(tenant, clusterId, snapshot,
                new ScanRecorder.SnapshotFacts(objects, new ClusterMetadata(c.provider(), c.provider().toUpperCase(), c.version(), c.nodes()),
                        "0.1.0", at), result).orElseThrow();
        backdate(tenant, clusterId, o.scanId(), o.scannedAt(), at);
    }

    /**
     * The recorder stamps a scan with the time it ran, not with the snapshot's; history that a test writes in
     * seconds is moved to the day it stands for.
     */
    private void backdate(UUID tenant, UUID clusterId, UUID scanId, Instant recorded, Instant at) {
        java.sql.Timestamp was = java.sql.Timestamp.from(recorded), is = java.sql.Timestamp.from(at);
        TenantContext.runAs(tenant, () -> {
            jdbc.update("UPDATE scans SET scanned_at = ? WHERE tenant_id = ? AND id = ?", is, tenant, scanId);
            jdbc.update("UPDATE scan_framework_scores SET scanned_at = ? WHERE tenant_id = ? AND scan_id = ?", is, tenant, scanId);
            jdbc.update("UPDATE scan_control_summaries SET scanned_at = ? WHERE tenant_id = ? AND scan_id = ?", is, tenant, scanId);
            jdbc.update("UPDATE finding_changes SET at = ? WHERE tenant_id = ? AND scan_id = ?", is, tenant, scanId);
            for (String col : List.of("first_seen", "last_seen", "resolved_at"))
                jdbc.update("UPDATE findings SET " + col + " = ? WHERE tenant_id = ? AND cluster_id = ? AND " + col + " = ?", is, tenant, clusterId, was);
            for (String col : List.of("first_seen", "last_seen", "changed_at", "deleted_at"))
                jdbc.update("UPDATE resources SET " + col + " = ? WHERE tenant_id = ? AND cluster_id = ? AND " + col + " = ?", is, tenant, clusterId, was);
        });
    }

    static List<KubeObject> objectsOn(DemoCluster c, int day) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        c.base().forEach(ref -> read(ref.file(), ref.namespace()).forEach(o -> objects.put(key(o), o)));
        for (DemoDefinition.TimelineStep step : c.timeline()) {
            if (step.day() > day) continue;
            if (step.apply() != null) read(step.apply(), null).forEach(o -> objects.put(key(o), o));
            if (step.remove() != null) objects.remove(step.remove());
        }
        Set<String> namespaces = new TreeSet<>(List.of("default", "kube-system", "kube-public", "kube-node-lease"));
        objects.values().forEach(o -> {
            String ns = o.path("metadata").path("namespace").asText("");
            if (!ns.isEmpty()) namespaces.add(ns);
        });
        for (String ns : namespaces) {
            ObjectNode n = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
            n.putObject("metadata").put("name", ns);
            objects.putIfAbsent(key(n), n);
        }
        return objects.values().stream().map(KubeObject::of).toList();
    }

    private static List<ObjectNode> read(String file, String namespace) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            Resource[] resources = file.endsWith(".yaml") ? new Resource[]{resolver.getResource("classpath:demo/" + file)}
                    : resolver.getResources("classpath*:demo/" + file + "/*.yaml");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            List<ObjectNode> out = new ArrayList<>();
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    for (JsonNode doc : YAML.readValues(YAML.createParser(in), JsonNode.class).readAll()) {
                        if (!(doc instanceof ObjectNode o) || !o.has("kind")) continue;
                        if (namespace != null && !CLUSTER_SCOPED.contains(o.path("kind").asText())
                                && o.path("metadata").path("namespace").asText("").isEmpty()) {
                            o.with("metadata").put("namespace", namespace);
                        }
                        out.add(o);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText("") + "/" + o.path("metadata").path("name").asText();
    }
}
