package dev.kubeward.api.finding;

import dev.kubeward.api.query.CursorPage;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Keyset pages stay exact while scans land: no finding twice, none missed. */
class FindingKeysetIT {

    static final UUID TENANT = UUID.randomUUID(), CLUSTER = UUID.randomUUID(), SCAN = UUID.randomUUID();
    static QueryTestDatabase db;
    static FindingQueries findings;

    @BeforeAll
    static void setUp() {
        db = new QueryTestDatabase();
        db.sql.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'k', 'K')", TENANT);
        db.cluster(TENANT, CLUSTER, "bulk", "eks", T1B, SCAN);
        db.scan(TENANT, CLUSTER, SCAN, T1B, 0, 0, 0, 0, 0, 0);
        insert(250, "now() - interval '3 days' + (i % 7) * interval '1 hour'");
        findings = new FindingQueries(db.app);
    }

    /** Findings with cycling severities and many equal first_seen values, so ties must be broken by id. */
    static void insert(int n, String firstSeen) {
        db.sql.update("""
                INSERT INTO findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status,
                                      first_seen, last_seen, last_scan_id)
                SELECT ?, ?, 'C-' || i, 'v1', 'Deployment', 'ns', 'w-' || gen_random_uuid(),
                       (ARRAY['critical','high','medium','low'])[1 + i % 4], 'open', FIRST_SEEN, now(), ?
                  FROM generate_series(1, ?) i
                """.replace("FIRST_SEEN", firstSeen), TENANT, CLUSTER, SCAN, n);
    }

    @Test
    void pagesEveryExistingFindingExactlyOnceWhileNewOnesArriveAndScansBumpLastSeen() {
        for (String sort : List.of("-severity", "severity", "firstSeen", "-firstSeen", "name")) {
            Set<Long> before = new HashSet<>(db.sql.queryForList("SELECT id FROM findings WHERE tenant_id = ?", Long.class, TENANT));
            List<Long> seen = new ArrayList<>();
            String cursor = "";
            int pages = 0;
            do {
                String at = cursor;
                CursorPage<FindingSummary> page = TenantContext.callAs(TENANT,
                        () -> findings.scroll(FindingFilter.open(), FindingSort.Order.parse(sort), at, 37));
                page.items().forEach(f -> seen.add(f.id()));
                cursor = page.nextCursor();
                insert(3, "now()");
                db.sql.update("UPDATE findings SET last_seen = now() WHERE tenant_id = ?", TENANT);
                pages++;
            } while (cursor != null && pages < 100);
            assertThat(seen).as(sort).doesNotHaveDuplicates();
            assertThat(seen).as(sort).containsAll(before);
        }
    }

    @Test
    void ordersBySeverityThenFirstSeenThenId() {
        List<FindingSummary> rows = TenantContext.callAs(TENANT,
                () -> findings.scroll(FindingFilter.open(), FindingSort.Order.DEFAULT, null, 100).items());
        for (int i = 1; i < rows.size(); i++) {
            FindingSummary a = rows.get(i - 1), b = rows.get(i);
            int ra = rank(a.severity()), rb = rank(b.severity());
            assertThat(ra > rb || ra == rb && (a.firstSeen().isAfter(b.firstSeen()) || a.firstSeen().equals(b.firstSeen()) && a.id() > b.id())).isTrue();
        }
    }

    static int rank(String s) {
        return List.of("low", "medium", "high", "critical").indexOf(s);
    }
}
