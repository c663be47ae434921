package dev.kubeward.worker.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.worker.Fixtures;
import dev.kubeward.worker.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's custom control is evaluated with the catalogue on a staged snapshot, and only for that tenant. */
class CustomControlScanIT extends PipelineTestSupport {

    @Test
    void aCustomControlOnAStagedSnapshotProducesFindingsUnderItsId() {
        Registered acme = register("custom-acme");
        Registered other = register("custom-other");
        define(acme.tenantId(), "KW-CUSTOM-two-replicas", "critical", "has(object.spec.replicas) && object.spec.replicas >= 2",
                "'only ' + string(object.spec.replicas) + ' replica(s)'");
        ObjectNode single = Fixtures.deployment("pay", "single", false, false, true);
        ((ObjectNode) single.get("spec")).put("replicas", 1);
        List<JsonNode> objects = List.of(Fixtures.namespace("pay"), single, Fixtures.deployment("pay", "pair", false, false, true));

        deliverDirectly(acme.cluster(), Fixtures.snapshot(acme.cluster(), objects, 10, acme.secret()));
        deliverDirectly(other.cluster(), Fixtures.snapshot(other.cluster(), objects, 10, other.secret()));
        awaitScans(acme, 1);
        awaitScans(other, 1);

        List<String> findings = TenantContext.callAs(acme.tenantId(), () -> jdbc.queryForList(
                "SELECT kind || '/' || name || '|' || severity || '|' || message FROM findings WHERE control_id = 'KW-CUSTOM-two-replicas' AND status = 'open'",
                String.class));
        assertThat(findings).containsExactly("Deployment/single|critical|only 1 replica(s)");
        assertThat(countAs(acme.tenantId(), "SELECT count(*) FROM scan_control_summaries WHERE control_id = 'KW-CUSTOM-two-replicas' AND status = 'failed'"))
                .isEqualTo(1);
        assertThat(countAs(other.tenantId(), "SELECT count(*) FROM findings WHERE control_id LIKE 'KW-CUSTOM-%'")).isZero();
        assertThat(countAs(acme.tenantId(), "SELECT count(*) FROM findings WHERE control_id NOT LIKE 'KW-CUSTOM-%'"))
                .isEqualTo(countAs(other.tenantId(), "SELECT count(*) FROM findings"));
    }

    private void define(UUID tenant, String id, String severity, String expression, String message) {
        TenantContext.runAs(tenant, () -> jdbc.update("""
                INSERT INTO custom_controls (id, tenant_id, control_id, name, severity, match_kinds, expression, message_expression,
                                             created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ARRAY['Deployment'], ?, ?, 'test', 'test')""",
                UUID.randomUUID(), tenant, id, "At least two replicas", severity, expression, message));
    }
}
