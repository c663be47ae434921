package dev.kubeward.api.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml is checked in the build, since no Docker engine runs here: Debian's docker-compose
 * parses and validates it without one (CI installs it), and the services the deployment needs are there
 * with health checks.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void composeFileValidatesWithDockerCompose() throws Exception {
        assumeTrue(new File("/usr/bin/docker-compose").canExecute(), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder pb = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q").redirectErrorStream(true);
        pb.environment().put("POSTGRES_PASSWORD", "test-only");
        pb.environment().put("KUBEWARD_SECRETS_KEY", "test-only");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void composeRunsPostgresKafkaTheApiAndTwoWorkersWithHealthChecks() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(COMPOSE));
        JsonNode services = compose.path("services");
        assertThat(services.fieldNames()).toIterable()
                .contains("postgres", "kafka", "platform-api", "scan-worker-1", "scan-worker-2");
        for (String s : new String[] {"postgres", "kafka", "platform-api"}) {
            assertThat(services.path(s).path("healthcheck").path("test").isArray()).as(s + " health check").isTrue();
        }
        assertThat(services.path("platform-api").path("environment").path("KUBEWARD_EMBEDDED").asText()).isEqualTo("false");
        assertThat(compose.path("volumes").has("postgres-data")).isTrue();
        assertThat(Files.readString(COMPOSE)).doesNotContainPattern("(?i)password:\\s*[a-z0-9]{4,}\\s*$");
    }
}
