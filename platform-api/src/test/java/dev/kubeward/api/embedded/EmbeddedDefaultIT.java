package dev.kubeward.api.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, as a user runs it: the packaged jar in its own JVM, on an empty data directory,
 * nothing else running. It must come up with real PostgreSQL, Kafka and the scan worker, push the demo clusters
 * through the pipeline, and say where to sign in; a restart on the same directory must keep everything.
 */
class EmbeddedDefaultIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("Kubeward is ready: (http://localhost:\\d+)");
    private static final Pattern SCANNED = Pattern.compile("Demo clusters scanned: (\\d+) of (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newHttpClient();
    private Process platform;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) platform.destroyForcibly();
        }
    }

    @Test
    void firstStartRunsTheDemoThroughThePipelineAndARestartKeepsEverything() throws Exception {
        Started first = start("first-start");
        assertThat(first.scanned()).as("the banner waits for the demo clusters' current scans").isEqualTo(first.expected()).isGreaterThanOrEqualTo(3);

        JsonNode health = getJson(first.url() + "/actuator/health", null);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (String component : List.of("db", "kafka", "scanWorker")) {
            assertThat(health.path("components").path(component).path("status").asText()).as(component).isEqualTo("UP");
        }

        JsonNode credentials = JSON.readTree(dataDir.resolve("demo-credentials.json").toFile());
        JsonNode tenants = credentials.path("tenants");
        assertThat(tenants.size()).isGreaterThanOrEqualTo(2);
        Set<String> providers = new HashSet<>();
        Map<String, Integer> scansBefore = new HashMap<>();
        for (JsonNode tenant : tenants) {
            assertThat(tenant.path("users").size()).isPositive();
            tenant.path("users").forEach(u -> assertThat(u.path("password").asText()).hasSizeGreaterThanOrEqualTo(12));
            String token = tenant.path("apiToken").asText();
            Set<String> own = new HashSet<>();
            tenant.path("clusters").forEach(c -> {
                own.add(c.path("id").asText());
                providers.add(c.path("provider").asText());
            });

            JsonNode listed = getJson(first.url() + "/api/v1/clusters?size=100", token);
            Set<String> seen = new HashSet<>();
            listed.path("items").forEach(c -> seen.add(c.path("id").asText()));
            assertThat(seen).as("the token of %s lists exactly its own clusters", tenant.path("slug").asText()).isEqualTo(own);

            for (String cluster : own) {
                JsonNode scans = getJson(first.url() + "/api/v1/clusters/" + cluster + "/scans?size=100", token);
                assertThat(scans.path("total").asInt()).as("fourteen days of history, then today").isGreaterThanOrEqualTo(15);
                scansBefore.put(cluster, scans.path("total").asInt());
            }
            for (JsonNode other : tenants) {
                if (other == tenant) continue;
                for (JsonNode foreign : other.path("clusters")) {
                    assertThat(status(first.url() + "/api/v1/clusters/" + foreign.path("id").asText(), token))
                            .as("another tenant's cluster does not exist for this token").isEqualTo(404);
                }
            }
        }
        assertThat(providers).as("demo clusters in at least three clouds").hasSizeGreaterThanOrEqualTo(3);
        String credentialsText = Files.readString(dataDir.resolve("demo-credentials.json"));

        platform.destroy();
        assertThat(platform.waitFor(90, TimeUnit.SECONDS)).as("a clean shutdown on SIGTERM").isTrue();

        Started second = start("restart");
        assertThat(Files.readString(dataDir.resolve("demo-credentials.json"))).as("no second demo seeding").isEqualTo(credentialsText);
        for (JsonNode tenant : tenants) {
            String token = tenant.path("apiToken").asText();
            for (JsonNode c : tenant.path("clusters")) {
                String cluster = c.path("id").asText();
                JsonNode scans = getJson(second.url() + "/api/v1/clusters/" + cluster + "/scans?size=100", token);
                assertThat(scans.path("total").asInt()).as("the history survives a restart and today's snapshot is added")
                        .isEqualTo(scansBefore.get(cluster) + 1);
            }
        }
    }

    private record Started(String url, int scanned, int expected) {
    }

    /** Starts the packaged jar and waits for its ready banner, keeping its log under target/ for whoever debugs a failure. */
    private Started start(String name) throws Exception {
        Path jar = Path.of("target", "kubeward.jar");
        assertThat(jar).as("packaged by `mvn package` before the integration tests").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "embedded-default-" + name + ".log");
        platform = new ProcessBuilder(java, "-Xmx1g", "-jar", jar.toString(),
                "--kubeward.data-dir=" + dataDir, "--server.port=0", "--kubeward.demo.interval=1h")
                .redirectErrorStream(true).start();
        CompletableFuture<Started> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(log, ready), "embedded-default-log");
        reader.setDaemon(true);
        reader.start();
        return ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void follow(Path log, CompletableFuture<Started> ready) {
        String url = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                out.flush();
                Matcher r = READY.matcher(line);
                if (r.find()) url = r.group(1);
                Matcher s = SCANNED.matcher(line);
                if (s.find() && url != null) {
                    ready.complete(new Started(url, Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2))));
                }
            }
            ready.completeExceptionally(new AssertionError("the platform exited before it was ready; see " + log));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private JsonNode getJson(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(request(url, token), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private int status(String url, String token) throws Exception {
        return http.send(request(url, token), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }
}
