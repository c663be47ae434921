package dev.kubeward.api.controlinputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.ControlInputOverrides;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant's control inputs through the API: read by all, changed by admins only, validated as a whole, audited, per tenant. */
@KubewardIT
class ControlInputsApiIT {

    static final String PATH = "/api/v1/control-inputs";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired ControlInputOverrides overrides;

    @Test
    void adminsSetAndResetInputsThatTheWorkerThenReadsForTheirTenantOnly() {
        ApiClient api = new ApiClient(port);
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        TestTenant acme = fixtures.tenant("inputs-acme");
        TestTenant globex = fixtures.tenant("inputs-globex");

        ApiClient.Response first = api.get(PATH, acme.token(Role.VIEWER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode listed = first.json();
        assertThat(listed.size()).isEqualTo(25);
        JsonNode caps = input(listed, "insecureCapabilities");
        assertThat(caps.path("overridden").asBoolean()).isFalse();
        assertThat(caps.path("values")).isEqualTo(caps.path("defaultValues"));
        assertThat(caps.path("description").asText()).isNotBlank();

        assertThat(api.send("PATCH", PATH, acme.token(Role.ANALYST), "{\"insecureCapabilities\": [\"CHOWN\"]}").status()).isEqualTo(403);

        ApiClient.Response bad = api.send("PATCH", PATH, acme.token(Role.ADMIN), "{\"insecureCapabilities\": [\"CHOWN\"], \"nope\": [\"x\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("problems").toString()).contains("unknown control input 'nope'");
        assertThat(overrides.of(acme.id())).as("nothing stored from a refused change").isEmpty();
        ApiClient.Response notAList = api.send("PATCH", PATH, acme.token(Role.ADMIN), "{\"insecureCapabilities\": {\"a\": 1}}");
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.json().path("detail").asText()).contains("array of strings");

        ApiClient.Response ok = api.send("PATCH", PATH, acme.token(Role.ADMIN), "{\"insecureCapabilities\": [\"CHOWN\", \" CHOWN \"], \"sensitiveKeyNamesAllowed\": []}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(input(ok.json(), "insecureCapabilities").path("values").toString()).isEqualTo("[\"CHOWN\"]");
        assertThat(overrides.of(acme.id())).isEqualTo(Map.of("insecureCapabilities", List.of("CHOWN"), "sensitiveKeyNamesAllowed", List.of()));
        assertThat(overrides.of(globex.id())).isEmpty();
        assertThat(input(api.get(PATH, globex.token(Role.VIEWER)).json(), "insecureCapabilities").path("overridden").asBoolean()).isFalse();
        Integer audited = TenantContext.callAs(acme.id(), () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = 'control-inputs.changed'", Integer.class, acme.id()));
        assertThat(audited).isEqualTo(1);

        ApiClient.Response reset = api.send("DELETE", PATH + "/insecureCapabilities", acme.token(Role.ADMIN), null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(input(reset.json(), "insecureCapabilities").path("overridden").asBoolean()).isFalse();
        assertThat(overrides.of(acme.id())).isEqualTo(Map.of("sensitiveKeyNamesAllowed", List.of()));

        ApiClient.Response unknown = api.send("DELETE", PATH + "/noSuchInput", acme.token(Role.ADMIN), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(overrides.of(acme.id())).isEqualTo(Map.of("sensitiveKeyNamesAllowed", List.of()));
    }

    private static JsonNode input(JsonNode list, String name) {
        for (JsonNode n : list) if (n.path("name").asText().equals(name)) return n;
        throw new AssertionError("no input " + name + " in " + list);
    }
}
