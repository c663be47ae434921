package dev.kubeward.worker;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and Kubernetes probes see: health of db, Kafka and the consumer; Prometheus metrics. */
class ActuatorIT extends PipelineTestSupport {

    @LocalServerPort int port;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void healthShowsDatabaseKafkaAndTheConsumer() throws Exception {
        String health = get("/actuator/health");
        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"kafka\"").contains("\"scanWorker\"")
                .contains("assignedPartitions");
    }

    @Test
    void prometheusExposesWorkerMetrics() throws Exception {
        Registered r = register("metrics");
        send(r.cluster(), Fixtures.snapshot(r.cluster(), Fixtures.cluster(3), 100, r.secret()));
        awaitScans(r, 1);
        assertThat(get("/actuator/prometheus")).contains("kubeward_worker_chunks_total").contains("kubeward_worker_scans_total");
    }
}
