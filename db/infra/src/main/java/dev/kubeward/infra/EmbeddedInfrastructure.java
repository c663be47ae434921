package dev.kubeward.infra;

import dev.kubeward.infra.kafka.EmbeddedKafkaServer;
import dev.kubeward.infra.postgres.EmbeddedPostgresServer;
import dev.kubeward.infra.postgres.PostgresConnection;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for the embedded default, both under one directory the user chose:
 * {@code <root>/postgres} (a PostgreSQL cluster) and {@code <root>/kafka/logs} (the KRaft log directory).
 * Starting again on the same root finds both as they were left.
 *
 * @param database the application's database, created on the first start
 */
public record EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, PostgresConnection database)
        implements AutoCloseable {

    /** Starts PostgreSQL, then Kafka, on free ports; creates database {@code databaseName} on the first start. */
    public static EmbeddedInfrastructure start(Path root, String databaseName) {
        return start(root, databaseName, 0, 0);
    }

    public static EmbeddedInfrastructure start(Path root, String databaseName, int postgresPort, int kafkaPort) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), postgresPort);
        try {
            PostgresConnection database = postgres.ensureDatabase(databaseName);
            EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(root.resolve("kafka"), kafkaPort);
            return new EmbeddedInfrastructure(postgres, kafka, database);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Stops in reverse order of start. Stop the application's consumers and pools before calling this. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
