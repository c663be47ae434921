package dev.kubeward.api.seed;

import dev.kubeward.api.compliance.ControlTally;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** One generated cluster: its workloads, findings and a scan per day whose summaries agree with the findings. */
final class ClusterSeed {

    private static final String[] PROVIDERS = {"eks", "aks", "gke", "onprem"};
    private static final String[] REGIONS = {"eu-west-1", "westeurope", "europe-west4", "dc-1"};
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low"};

    private final UUID tenant;
    private final UUID id = UUID.randomUUID();
    private final int index;
    private final SeedPlan plan;
    private final List<ControlDefinition> failing;
    private final int findings;
    private final Random random;
    private final Instant[] at;
    private final UUID[] scans;

    ClusterSeed(UUID tenant, int index, SeedPlan plan, Instant now, List<ControlDefinition> failing, int findings, Random random) {
        this.tenant = tenant;
        this.index = index;
        this.plan = plan;
        this.failing = failing;
        this.findings = findings;
        this.random = random;
        int days = plan.days();
        this.at = new Instant[days];
        this.scans = new UUID[days];
        for (int d = 0; d < days; d++) {
            at[d] = now.minus(Duration.ofDays(days - 1 - d)).minusSeconds(index % 3600);
            scans[d] = UUID.randomUUID();
        }
    }

    UUID id() {
        return id;
    }

    long write(Connection con) throws SQLException {
        int days = plan.days(), workloads = plan.workloadsPerCluster(), last = days - 1;
        insertCluster(con, workloads);
        int[][] failed = new int[days][failing.size()];
        int[][] open = new int[days][4];
        int[] added = new int[days], resolved = new int[days];
        Copy findings = new Copy("findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status, rules,"
                + " message, failed_paths, fix_paths, first_seen, last_seen, resolved_at, last_scan_id)");
        Copy resources = new Copy("resources (tenant_id, cluster_id, api_version, kind, namespace, name, body, body_hash, first_seen, last_seen, changed_at)");
        Copy changes = new Copy("resource_changes (tenant_id, scan_id, cluster_id, kind, namespace, name, change)");
        int namespaces = Math.max(1, workloads / 15);
        boolean[][] fails = failingWorkloads(workloads);
        for (int w = 0; w < workloads; w++) {
            String ns = "team-" + (w % namespaces), name = "svc-" + w;
            resources.row(tenant, id, "apps/v1", "Deployment", ns, name, body(ns, name, w), "\\x" + Integer.toHexString(w + 0x1000),
                    LoadSeeder.ts(at[0]), LoadSeeder.ts(at[last]), LoadSeeder.ts(at[0]));
            changes.row(tenant, scans[0], id, "Deployment", ns, name, "added");
            for (int c = 0; c < failing.size(); c++) {
                if (!fails[c][w]) continue;
                int first = random.nextDouble() < 0.6 ? 0 : random.nextInt(days);
                int fixed = first < last && random.nextDouble() < 0.08 ? first + 1 + random.nextInt(last - first) : -1;
                int sev = severity(failing.get(c));
                for (int d = first; d <= last && (fixed < 0 || d < fixed); d++) {
                    failed[d][c]++;
                    open[d][sev]++;
                }
                added[first]++;
                if (fixed >= 0) resolved[fixed]++;
                int seen = fixed < 0 ? last : fixed - 1;
                ControlDefinition control = failing.get(c);
                findings.row(tenant, id, control.id(), "apps/v1", "Deployment", ns, name, SEVERITIES[sev], fixed < 0 ? "open" : "resolved",
                        "{" + (control.rules().isEmpty() ? "rule" : control.rules().get(0)) + "}", control.name() + " failed on " + name,
                        "[\"spec.template.spec.containers[0].securityContext\"]", "[{\"path\":\"spec.template.spec.containers[0].securityContext.runAsNonRoot\",\"value\":\"true\"}]",
                        LoadSeeder.ts(at[first]), LoadSeeder.ts(at[seen]), fixed < 0 ? null : LoadSeeder.ts(at[fixed]), scans[seen]);
            }
        }
        Copy scanRows = new Copy("scans (id, tenant_id, cluster_id, snapshot_id, scanned_at, object_count, open_critical, open_high,"
                + " open_medium, open_low, new_findings, resolved_findings, library_version)");
        Copy summaries = new Copy("scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, excepted, scanned_at)");
        Copy scores = new Copy("scan_framework_scores (tenant_id, scan_id, cluster_id, framework, scanned_at, score, controls_passed,"
                + " controls_failed, controls_na, controls_external)");
        for (int d = 0; d < days; d++) {
            scanRows.row(scans[d], tenant, id, UUID.randomUUID(), LoadSeeder.ts(at[d]), workloads, open[d][0], open[d][1], open[d][2], open[d][3],
                    added[d], resolved[d], "seed");
            Map<String, ControlTally> tallies = tallies(failed[d], workloads);
            for (Map.Entry<String, ControlTally> e : tallies.entrySet()) {
                ControlTally t = e.getValue();
                summaries.row(tenant, scans[d], id, e.getKey(), t.status(), t.failed(), t.passed(), 0, LoadSeeder.ts(at[d]));
            }
            for (Object[] f : LoadSeeder.frameworkRows(tallies)) {
                scores.row(tenant, scans[d], id, f[0], LoadSeeder.ts(at[d]), f[1] == null ? null : String.format(java.util.Locale.ROOT, "%.2f", (Double) f[1]),
                        f[2], f[3], f[4], f[5]);
            }
        }
        scanRows.send(con);
        long n = findings.send(con);
        resources.send(con);
        changes.send(con);
        summaries.send(con);
        scores.send(con);
        findingChanges(con);
        return n;
    }

    /** For each failing control, which workloads fail it: its quota of distinct workloads, picked at random. */
    private boolean[][] failingWorkloads(int workloads) {
        int[] quota = FailureQuota.perControl(failing.size(), workloads, findings);
        boolean[][] fails = new boolean[failing.size()][workloads];
        int[] order = java.util.stream.IntStream.range(0, workloads).toArray();
        for (int c = 0; c < quota.length; c++) {
            for (int i = 0; i < quota[c]; i++) {  // partial Fisher–Yates: the first quota[c] of a shuffle
                int j = i + random.nextInt(workloads - i), t = order[i];
                order[i] = order[j];
                order[j] = t;
                fails[c][order[i]] = true;
            }
        }
        return fails;
    }

    private Map<String, ControlTally> tallies(int[] failedNow, int workloads) {
        Map<String, ControlTally> t = new HashMap<>();
        for (ControlDefinition c : ControlCatalog.standard().controls()) {
            if (c.manual()) t.put(c.id(), new ControlTally("manual", 0, 0, 0));
            else if (c.needsExternalData()) t.put(c.id(), new ControlTally("requires-external-data", 0, 0, 0));
            else t.put(c.id(), new ControlTally("passed", 0, workloads, 0));
        }
        for (int c = 0; c < failing.size(); c++) {
            int f = failedNow[c];
            t.put(failing.get(c).id(), new ControlTally(f > 0 ? "failed" : "passed", f, workloads - f, 0));
        }
        return t;
    }

    private void insertCluster(Connection con, int workloads) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO clusters (id, tenant_id, name, provider, region, kubernetes_version, node_count, agent_version,
                                      secret_ciphertext, last_snapshot_at, last_scan_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            String provider = PROVIDERS[index % 4];
            ps.setObject(1, id);
            ps.setObject(2, tenant);
            ps.setString(3, "load-" + provider + "-" + index);
            ps.setString(4, provider);
            ps.setString(5, REGIONS[index % 4]);
            ps.setString(6, "v1." + (28 + index % 4) + ".3");
            ps.setInt(7, 3 + workloads / 50);
            ps.setString(8, "0.1.0");
            ps.setBytes(9, new byte[]{0});
            ps.setTimestamp(10, LoadSeeder.ts(at[at.length - 1]));
            ps.setObject(11, scans[scans.length - 1]);
            ps.executeUpdate();
        }
    }

    private void findingChanges(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO finding_changes (tenant_id, scan_id, finding_id, change, at)
                SELECT f.tenant_id, s.id, f.id, 'new', f.first_seen FROM findings f
                  JOIN scans s ON s.tenant_id = f.tenant_id AND s.cluster_id = f.cluster_id AND s.scanned_at = f.first_seen
                 WHERE f.tenant_id = ? AND f.cluster_id = ?
                UNION ALL
                SELECT f.tenant_id, s.id, f.id, 'resolved', f.resolved_at FROM findings f
                  JOIN scans s ON s.tenant_id = f.tenant_id AND s.cluster_id = f.cluster_id AND s.scanned_at = f.resolved_at
                 WHERE f.tenant_id = ? AND f.cluster_id = ? AND f.status = 'resolved'
                """)) {
            ps.setObject(1, tenant);
            ps.setObject(2, id);
            ps.setObject(3, tenant);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    private static int severity(ControlDefinition c) {
        return switch (c.severity()) {
            case CRITICAL -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW -> 3;
        };
    }

    private static String body(String ns, String name, int w) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
                + "\",\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"replicas\":" + (1 + w % 3) + ",\"selector\":{\"matchLabels\":{\"app\":\""
                + name + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"image\":\"registry.example.com/" + name + ":1." + (w % 7) + "\"}]}}}}";
    }
}
