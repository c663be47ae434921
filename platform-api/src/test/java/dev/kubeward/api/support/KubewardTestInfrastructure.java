package dev.kubeward.api.support;

import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Points a test context at the shared test PostgreSQL (one fresh database per JVM) and Kafka. */
public class KubewardTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed key: test data only. */
    public static final String SECRETS_KEY = "a3ViZXdhcmQtdGVzdC1zZWNyZXRzLWtleS0zMmJ5dGU=";

    private static Map<String, Object> properties;

    static synchronized Map<String, Object> properties() {
        if (properties == null) {
            PostgresConnection db = TestInfrastructure.freshDatabase();
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("kubeward-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> p = new HashMap<>();
            p.put("spring.datasource.url", db.jdbcUrl());
            p.put("spring.datasource.username", db.username());
            p.put("spring.datasource.password", db.password());
            p.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
            p.put("kubeward.embedded", "false");
            p.put("kubeward.embedded.active", "false");
            p.put("kubeward.demo.enabled", "false");
            p.put("kubeward.secrets.key", SECRETS_KEY);
            p.put("kubeward.identity.builtin.enabled", "true");
            p.put("kubeward.data-dir", dataDir.toString());
            properties = Map.copyOf(p);
        }
        return properties;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kubeward-test-infrastructure", properties()));
    }
}
