package dev.kubeward.infra.testing;

import dev.kubeward.infra.kafka.KafkaConnection;
import dev.kubeward.infra.postgres.PostgresConnection;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Everything that touches Testcontainers. NB: the Testcontainers artifacts are optional dependencies of this module, so
 * this class must only be loaded after {@link #onClasspath()} said yes; otherwise the JVM fails with NoClassDefFoundError.
 */
final class Containers {

    // Same major versions as the embedded servers (PostgreSQL 18, Kafka 4.1).
    static final String POSTGRES_IMAGE = "postgres:18-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private Containers() {
    }

    static boolean onClasspath() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** ~0.2 s and {@code false} where no engine runs. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static Running<PostgresConnection> postgres(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        return new Running<>(new PostgresConnection(container.getJdbcUrl(), container.getUsername(), container.getPassword()),
                InfrastructureSource.TESTCONTAINERS, container::stop);
    }

    static Running<KafkaConnection> kafka(String image) {
        // Off, as on the embedded broker: a test that forgets to create its topics fails the same way everywhere.
        KafkaContainer container = new KafkaContainer(image).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return new Running<>(new KafkaConnection(container.getBootstrapServers()), InfrastructureSource.TESTCONTAINERS,
                container::stop);
    }
}
