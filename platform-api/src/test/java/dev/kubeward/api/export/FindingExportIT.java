package dev.kubeward.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantAwareDataSource;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;

class FindingExportIT {

    static QueryTestDatabase db;
    static FindingExporter exporter;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        exporter = new FindingExporter(new TenantAwareDataSource(db.owner));
    }

    static String export(UUID tenant, FindingFilter filter, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TenantContext.runAs(tenant, () -> {
            try {
                exporter.write(filter, format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvHasAHeaderAndOneQuotedRowPerFinding() {
        String csv = export(TENANT_A, FindingFilter.open(), ExportFormat.CSV);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("id,cluster_id,cluster,control_id");
        assertThat(lines).hasSize(5);
        assertThat(csv).contains("\"msg, \"\"quoted\"\"\"").contains(",billing,").doesNotContain(B1.toString());
    }

    @Test
    void jsonIsAnArrayOfFindings() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export(TENANT_A, FindingFilter.open().withClusters(java.util.List.of(A1)), ExportFormat.JSON));
        assertThat(json.size()).isEqualTo(3);
        assertThat(json.get(0).path("failedPaths").get(0).asText()).isEqualTo("spec.containers[0].image");
        assertThat(json.findValuesAsText("cluster")).containsOnly("prod-eks");
    }

    @Test
    void sarifHasRulesAndResults() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(export(TENANT_A, FindingFilter.open().withControls(java.util.List.of(C1)), ExportFormat.SARIF));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(1);
        assertThat(run.path("results")).hasSize(3);
        assertThat(run.path("results").get(0).path("ruleId").asText()).isEqualTo(C1);
        assertThat(run.path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .startsWith("k8s://");
    }

    @Test
    void tenantBExportsOnlyItsOwn() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export(TENANT_B, FindingFilter.open().withStatus("all"), ExportFormat.JSON));
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("clusterId").asText()).isEqualTo(B1.toString());
    }

    @Test
    void streamsManyRowsWithoutHoldingThem() throws Exception {
        UUID tenant = UUID.randomUUID(), cluster = UUID.randomUUID(), scan = UUID.randomUUID();
        db.sql.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'many', 'Many')", tenant);
        db.cluster(tenant, cluster, "many", "eks", T1B, scan);
        db.scan(tenant, cluster, scan, T1B, 0, 0, 0, 0, 0, 0);
        db.sql.update("""
                INSERT INTO findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status, first_seen, last_seen, last_scan_id)
                SELECT ?, ?, 'C-0001', 'v1', 'Pod', 'ns', 'p-' || i, 'low', 'open', now(), now(), ? FROM generate_series(1, 30000) i
                """, tenant, cluster, scan);
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long rows = TenantContext.callAs(tenant, () -> {
            try {
                return exporter.write(FindingFilter.open(), ExportFormat.CSV, counting);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(rows).isEqualTo(30000);
        assertThat(bytes[0]).isGreaterThan(30000L * 50);
    }
}
