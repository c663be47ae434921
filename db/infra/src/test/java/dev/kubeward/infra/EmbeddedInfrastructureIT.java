package dev.kubeward.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @TempDir
    Path root;

    @Test
    void aSecondStartOnTheSameRootFindsTheDatabaseAndTheTopics() throws Exception {
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(root, "kubeward")) {
            try (Connection connection = infrastructure.database().open(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE tenant (name text)");
                statement.execute("INSERT INTO tenant VALUES ('demo')");
            }
            infrastructure.kafka().createTopic("kubeward.findings.events", 2);
        }
        assertThat(root.resolve("postgres/postgresql.conf")).exists();
        assertThat(root.resolve("kafka/logs/meta.properties")).exists();

        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(root, "kubeward")) {
            try (Connection connection = infrastructure.database().open(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM tenant")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("demo");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of("kubeward.findings.events")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("kubeward.findings.events").partitions()).hasSize(2);
            }
        }
    }
}
