package dev.kubeward.api.token;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: expired and revoked ones are refused; a token is returned once and never logged. */
@KubewardIT
class ApiTokenLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;

    ApiClient api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("tokens");
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = TenantContext.callAs(tenant.id(), () -> tokens.issue("expired", "admin", "test", Instant.now().minusSeconds(1)).token());
        ApiClient.Response r = api.get("/api/v1/tokens", expired);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain(expired);
    }

    @Test
    void revokedTokenIsRefused() {
        String viewer = tenant.token(Role.VIEWER);
        assertThat(api.get("/api/v1/controls-that-may-not-exist", viewer).status()).isNotEqualTo(401);
        ApiClient.Response revoke = api.send("DELETE", "/api/v1/tokens/" + tenant.tokenIds().get(Role.VIEWER), tenant.token(Role.ADMIN), null);
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.json().path("revokedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/users", viewer).status()).isEqualTo(401);
    }

    @Test
    void tokenIsReturnedOnceAndNeverLogged() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger security = (Logger) LoggerFactory.getLogger("org.springframework.security");
        Logger web = (Logger) LoggerFactory.getLogger("org.springframework.web");
        Level securityLevel = security.getLevel();
        Level webLevel = web.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        security.setLevel(Level.TRACE);
        web.setLevel(Level.DEBUG);
        String created;
        try {
            ApiClient.Response r = api.send("POST", "/api/v1/tokens", tenant.token(Role.ADMIN), "{\"name\":\"ci-export\",\"role\":\"viewer\",\"expiresInDays\":30}");
            assertThat(r.status()).isEqualTo(201);
            created = r.json().path("token").asText();
            String id = r.json().path("info").path("id").asText();
            assertThat(created).startsWith("kwt_");
            assertThat(r.json().path("info").path("prefix").asText()).isEqualTo(created.substring(0, 10));

            assertThat(api.get("/api/v1/clusters-unknown-path", created).status()).isNotEqualTo(401);
            ApiClient.Response list = api.get("/api/v1/tokens", tenant.token(Role.ADMIN));
            ApiClient.Response one = api.get("/api/v1/tokens/" + id, tenant.token(Role.ADMIN));
            ApiClient.Response audit = api.get("/api/v1/audit?size=500", tenant.token(Role.ADMIN));
            ApiClient.Response csv = api.get("/api/v1/audit/export.csv", tenant.token(Role.ADMIN));
            assertThat(List.of(list, one, audit, csv)).allSatisfy(x -> {
                assertThat(x.status()).isEqualTo(200);
                assertThat(x.body()).doesNotContain(created).doesNotContain(created.substring(10));
            });
            assertThat(one.json().path("lastUsedAt").isNull()).isFalse();
            // a failed use of a near-miss token must not log the presented value either
            assertThat(api.get("/api/v1/users", created + "x").status()).isEqualTo(401);
        } finally {
            root.detachAppender(logs);
            security.setLevel(securityLevel);
            web.setLevel(webLevel);
        }
        assertThat(logs.list).as("log events captured").isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(created.substring(10));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(created.substring(10));
            }
        }
    }
}
