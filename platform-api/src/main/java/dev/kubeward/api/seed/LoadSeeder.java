package dev.kubeward.api.seed;

import dev.kubeward.api.compliance.ControlTally;
import dev.kubeward.api.compliance.FrameworkScoring;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates load data straight into PostgreSQL with COPY: clusters, daily scans, per-scan control summaries
 * and framework scores that agree with the findings (so every page's numbers reconcile), exactly the
 * requested number of findings with a skewed distribution over controls ({@link FailureQuota}), resources and
 * finding changes. Connects as the schema owner (row-level security does not apply). One transaction per
 * cluster; 500 clusters × 6,000 findings take minutes.
 */
public final class LoadSeeder {

    /** What was written. */
    public record Result(UUID tenantId, List<UUID> clusterIds, long findings) {
    }

    private LoadSeeder() {
    }

    public static Result seed(DataSource owner, SeedPlan plan) throws SQLException {
        Random random = new Random(plan.seed());
        List<ControlDefinition> scored = new ArrayList<>(ControlCatalog.standard().controls().stream()
                .filter(c -> !c.manual() && !c.needsExternalData()).toList());
        java.util.Collections.shuffle(scored, random);
        List<ControlDefinition> failing = scored.subList(0, Math.min(80, scored.size()));
        int[] perCluster = FailureQuota.perCluster(plan.clusters(), plan.findings(), random);
        try (Connection con = owner.getConnection()) {
            con.setAutoCommit(false);
            UUID tenant = tenant(con, plan.tenantSlug());
            List<UUID> clusters = new ArrayList<>();
            long findings = 0;
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
            for (int k = 0; k < plan.clusters(); k++) {
                ClusterSeed cluster = new ClusterSeed(tenant, k, plan, now, failing, perCluster[k], new Random(plan.seed() * 31 + k));
                findings += cluster.write(con);
                con.commit();
                clusters.add(cluster.id());
            }
            // Fresh statistics, or the planner guesses on millions of new rows and skips the keyset indexes.
            con.setAutoCommit(true);
            try (var st = con.createStatement()) {
                st.execute("ANALYZE clusters, scans, findings, finding_changes, scan_control_summaries, scan_framework_scores, resources");
            }
            return new Result(tenant, clusters, findings);
        }
    }

    private static UUID tenant(Connection con, String slug) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT id FROM tenants WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getObject(1, UUID.class);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, slug);
            ps.setString(3, "Load test " + slug);
            ps.executeUpdate();
        }
        return id;
    }

    /** Framework scores from control tallies, counted as the worker counts them. */
    static List<Object[]> frameworkRows(java.util.Map<String, ControlTally> tallies) {
        List<Object[]> out = new ArrayList<>();
        for (Framework fw : ControlCatalog.standard().frameworks()) {
            int passed = 0, failed = 0, na = 0, external = 0;
            for (String id : fw.controlIds()) {
                ControlTally t = tallies.get(id);
                if (t == null) continue;
                switch (t.status()) {
                    case "passed" -> passed++;
                    case "failed" -> failed++;
                    case "manual", "requires-external-data" -> external++;
                    default -> na++;
                }
            }
            Double score = FrameworkScoring.of(fw, tallies).score();
            out.add(new Object[]{fw.name(), score, passed, failed, na, external});
        }
        return out;
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static Comparator<ControlDefinition> byId() {
        return Comparator.comparing(ControlDefinition::id);
    }
}
