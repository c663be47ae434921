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

/**
 * Control inputs are the tenant's own: the same snapshot scanned for three tenants gives C-0046 (insecure capabilities)
 * findings by each tenant's list — Kubescape's defaults, a list of its own, or an empty list — and never another's.
 */
class TenantControlInputsScanIT extends PipelineTestSupport {

    @Test
    void eachTenantsScanUsesItsOwnControlInputsOverTheDefaults() {
        Registered defaults = register("inputs-default");
        Registered strict = register("inputs-strict");
        Registered relaxed = register("inputs-relaxed");
        settings(strict.tenantId(), "{\"controlInputs\": {\"insecureCapabilities\": [\"CHOWN\"]}}");
        settings(relaxed.tenantId(), "{\"controlInputs\": {\"insecureCapabilities\": []}, \"other\": true}");
        List<JsonNode> objects = List.of(Fixtures.namespace("shop"), adding("chowner", "CHOWN"), adding("netadmin", "NET_ADMIN"));

        for (Registered r : List.of(defaults, strict, relaxed)) {
            deliverDirectly(r.cluster(), Fixtures.snapshot(r.cluster(), objects, 10, r.secret()));
        }
        for (Registered r : List.of(defaults, strict, relaxed)) awaitScans(r, 1);

        assertThat(failingC0046(defaults)).containsExactly("netadmin");
        assertThat(failingC0046(strict)).containsExactly("chowner");
        assertThat(failingC0046(relaxed)).isEmpty();
    }

    private static ObjectNode adding(String name, String capability) {
        ObjectNode d = Fixtures.deployment("shop", name, false, false, true);
        ObjectNode container = (ObjectNode) d.at("/spec/template/spec/containers/0");
        ((ObjectNode) container.get("securityContext")).putObject("capabilities").putArray("add").add(capability);
        return d;
    }

    private void settings(UUID tenant, String json) {
        TenantContext.runAsSystem("test: a tenant's settings", () ->
                jdbc.update("UPDATE tenants SET settings = ?::jsonb WHERE id = ?", json, tenant));
    }

    private List<String> failingC0046(Registered r) {
        return TenantContext.callAs(r.tenantId(), () -> jdbc.queryForList(
                "SELECT name FROM findings WHERE control_id = 'C-0046' AND status = 'open' ORDER BY name", String.class));
    }
}
