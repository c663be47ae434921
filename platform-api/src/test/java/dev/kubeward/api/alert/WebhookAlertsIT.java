package dev.kubeward.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.exception.ScanFixtures;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.Topic;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.infra.testing.TestInfrastructure;
import dev.kubeward.worker.events.RejectionEvent;
import dev.kubeward.worker.events.ScanEvent;
import dev.kubeward.worker.finding.ScanOutcome;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts against a local receiver: a cluster's first scan, published on the real findings topic, yields one
 * signed summary per rule (not one alert per finding); a 500 is retried with backoff until delivered; a later
 * scan alerts per new finding; rejected snapshots and "send test" reach the target; Slack targets get Slack's format.
 */
@KubewardIT
class WebhookAlertsIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired PlatformTransactionManager txManager;
    @Autowired DeliveryDispatcher dispatcher;
    @Autowired FindingsEventsListener listener;

    WebhookReceiver receiver;
    ApiClient api;
    TestTenant tenant;
    String secret;
    String targetId;

    @BeforeEach
    void setUp() {
        receiver = WebhookReceiver.start();
        api = new ApiClient(port);
        tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("alerts");
        ApiClient.Response t = api.send("POST", "/api/v1/alerts/targets", tenant.token(Role.ADMIN),
                "{\"name\": \"soc\", \"kind\": \"webhook\", \"url\": \"" + receiver.url("/hook") + "\"}");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        secret = t.json().path("secret").asText();
        targetId = t.json().path("target").path("id").asText();
        assertThat(api.get("/api/v1/alerts/targets", tenant.token(Role.VIEWER)).json().get(0).has("secret")).isFalse();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void aFirstScanYieldsOneSignedSummaryRetriedAfterA500() throws Exception {
        rule("{\"name\": \"high+\", \"kind\": \"new-findings\", \"severity\": \"high\", \"targetId\": \"%s\"}");
        receiver.answerNext(500, 1);
        ScanOutcome first = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(),
                ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        long highOrCritical = first.newFindings().stream().filter(f -> f.severity().equals("high") || f.severity().equals("critical")).count();
        assertThat(highOrCritical).isGreaterThan(10);
        publish(ScanEvent.of(first));

        // the listener queues one summary; the first attempt meets the 500 and is scheduled again with backoff
        List<Delivery> afterFailure = awaitDeliveries(ds -> ds.size() == 1 && ds.get(0).attempts() == 1, Duration.ofSeconds(60));
        Delivery failed = afterFailure.get(0);
        assertThat(failed.status()).isEqualTo("pending");
        assertThat(failed.lastStatusCode()).isEqualTo(500);
        assertThat(Duration.between(Instant.now(), failed.nextAttemptAt())).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(31));
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        // time passes: make the retry due now instead of in 30 s
        TenantContext.runAs(tenant.id(), () -> jdbc.update("UPDATE alert_deliveries SET next_attempt_at = now() WHERE tenant_id = ?", tenant.id()));
        dispatcher.dispatchDue();
        Delivery delivered = awaitDeliveries(ds -> ds.get(0).status().equals("delivered"), Duration.ofSeconds(20)).get(0);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatusCode()).isEqualTo(200);

        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2).allSatisfy(r -> assertThat(r.header(WebhookSignature.EVENT_HEADER)).isEqualTo("scan.first-summary"));
        WebhookReceiver.Received ok = got.get(1);
        assertThat(ok.answered()).isEqualTo(200);
        assertThat(WebhookSignature.verify(secret.getBytes(StandardCharsets.UTF_8), ok.header(WebhookSignature.TIMESTAMP_HEADER), ok.body(),
                ok.header(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(WebhookSignature.verify("wrong".getBytes(StandardCharsets.UTF_8), ok.header(WebhookSignature.TIMESTAMP_HEADER), ok.body(),
                ok.header(WebhookSignature.SIGNATURE_HEADER))).isFalse();
        JsonNode payload = ok.json();
        assertThat(payload.path("type").asText()).isEqualTo("scan.first-summary");
        assertThat(payload.path("data").path("total").asLong()).isEqualTo(highOrCritical);
        assertThat(payload.path("data").path("firstScan").asBoolean()).isTrue();
        assertThat(payload.path("title").asText()).contains("First scan of " + tenant.clusterName());

        // redelivery of the same event queues nothing new
        listener.handle(ChunkCodec.mapper().valueToTree(ScanEvent.of(first)));
        assertThat(deliveries()).hasSize(1);

        // a later scan with two new high findings: one alert per finding
        List<KubeObject> more = new ArrayList<>(ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        more.addAll(ScanFixtures.manifests("demo/extra/debug-tools.yaml"));
        ScanOutcome second = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(), more);
        listener.handle(ChunkCodec.mapper().valueToTree(ScanEvent.of(second)));
        List<Delivery> now = deliveries();
        assertThat(now.size()).isGreaterThan(1);
        assertThat(now.stream().filter(d -> !d.eventType().equals("scan.first-summary")).map(Delivery::eventType).distinct().toList())
                .containsAnyOf("finding.new", "findings.digest").doesNotContain("scan.first-summary");
    }

    @Test
    void scoreDropsRejectedSnapshotsTestMessagesAndSlackFormat() throws Exception {
        rule("{\"name\": \"cis below 99\", \"kind\": \"score-drop\", \"framework\": \"cis-v1.12.0\", \"threshold\": 99, \"targetId\": \"%s\"}");
        rule("{\"name\": \"rejected\", \"kind\": \"snapshot-rejected\", \"targetId\": \"%s\"}");
        ScanOutcome scan = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(), ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        listener.handle(ChunkCodec.mapper().valueToTree(ScanEvent.of(scan)));
        listener.handle(ChunkCodec.mapper().valueToTree(RejectionEvent.of(tenant.id(), tenant.clusterId(), "snap-1", "bad-signature",
                "HMAC does not verify with the cluster's secret")));
        dispatcher.dispatchDue();
        receiver.await(r -> r.size() >= 2, Duration.ofSeconds(20));
        assertThat(receiver.received("score.drop")).hasSize(1);
        assertThat(receiver.received("score.drop").get(0).json().path("data").path("threshold").asDouble()).isEqualTo(99.0);
        assertThat(receiver.received("snapshot.rejected")).hasSize(1);
        assertThat(receiver.received("snapshot.rejected").get(0).json().path("data").path("code").asText()).isEqualTo("bad-signature");

        ApiClient.Response test = api.send("POST", "/api/v1/alerts/targets/" + targetId + "/test", tenant.token(Role.ANALYST), null);
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().path("status").asText()).isEqualTo("delivered");
        assertThat(receiver.received("test")).hasSize(1);

        ApiClient.Response slack = api.send("POST", "/api/v1/alerts/targets", tenant.token(Role.ADMIN),
                "{\"name\": \"slack\", \"kind\": \"slack\", \"url\": \"" + receiver.url("/services/T000/B000/XXX") + "\"}");
        assertThat(slack.status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/alerts/targets/" + slack.json().path("target").path("id").asText() + "/test",
                tenant.token(Role.ANALYST), null).json().path("status").asText()).isEqualTo("delivered");
        JsonNode slackBody = receiver.received().get(receiver.received().size() - 1).json();
        assertThat(slackBody.path("text").asText()).isEqualTo("Test message from Kubeward");
        assertThat(slackBody.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");

        JsonNode log = api.get("/api/v1/alerts/deliveries", tenant.token(Role.VIEWER)).json();
        assertThat(log.size()).isEqualTo(4);
        assertThat(api.send("POST", "/api/v1/alerts/rules", tenant.token(Role.ANALYST), "{}").status()).isEqualTo(403);
    }

    private void rule(String json) {
        ApiClient.Response r = api.send("POST", "/api/v1/alerts/rules", tenant.token(Role.ADMIN), json.formatted(targetId));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void publish(Object event) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            p.send(new ProducerRecord<>(Topic.FINDINGS_EVENTS.topicName(), tenant.clusterId().toString(),
                    ChunkCodec.mapper().writeValueAsBytes(event))).get(30, TimeUnit.SECONDS);
        }
    }

    private List<Delivery> deliveries() {
        return TenantContext.callAs(tenant.id(), () -> dispatcherStore().deliveries(tenant.id(), 100));
    }

    private dev.kubeward.api.alert.internal.AlertStore dispatcherStore() {
        return new dev.kubeward.api.alert.internal.AlertStore(jdbc);
    }

    private List<Delivery> awaitDeliveries(java.util.function.Predicate<List<Delivery>> condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        List<Delivery> last = List.of();
        while (Instant.now().isBefore(end)) {
            last = deliveries();
            if (!last.isEmpty() && condition.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError("deliveries did not reach the expected state: " + last);
    }
}
