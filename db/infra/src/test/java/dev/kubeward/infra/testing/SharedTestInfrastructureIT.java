package dev.kubeward.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kubeward.infra.kafka.KafkaClients;
import dev.kubeward.infra.kafka.KafkaConnection;
import dev.kubeward.infra.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

// NB: not "TestInfrastructureIT": surefire's default includes match **/Test*.java, so that name ran in both surefire and failsafe.
class SharedTestInfrastructureIT {

    @Test
    void picksEmbeddedWhereNothingIsConfiguredAndNoDockerRuns() {
        assumeThat(System.getenv(TestInfrastructure.JDBC_URL)).as("no external PostgreSQL configured").isNull();
        assumeThat(System.getenv(SourceSelection.FORCE)).as("no forced source").isNull();
        assumeThat(TestInfrastructure.dockerAvailable()).as("no Docker engine").isFalse();

        assertThat(TestInfrastructure.postgresSource()).isEqualTo(InfrastructureSource.EMBEDDED);
        assertThat(TestInfrastructure.kafkaSource()).isEqualTo(InfrastructureSource.EMBEDDED);
    }

    @Test
    void startsEachServerOncePerJvm() {
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());
    }

    @Test
    void freshDatabasesAreEmptyAndDoNotSeeEachOther() throws SQLException {
        PostgresConnection first = TestInfrastructure.freshDatabase();
        PostgresConnection second = TestInfrastructure.freshDatabase();
        assertThat(first.database()).isNotEqualTo(second.database());

        execute(first, "CREATE TABLE finding (id int PRIMARY KEY)");
        execute(first, "INSERT INTO finding VALUES (1)");

        assertThat(count(first, "SELECT count(*) FROM finding")).isEqualTo(1);
        assertThat(count(second, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
    }

    @Test
    void kafkaCarriesARecordEndToEnd() throws Exception {
        KafkaConnection kafka = TestInfrastructure.kafka();
        kafka.createTopic("test.infrastructure.roundtrip", 1);

        KafkaClients.send(kafka.bootstrapServers(), "test.infrastructure.roundtrip", "k", "v");

        assertThat(KafkaClients.read(kafka.bootstrapServers(), "test.infrastructure.roundtrip", "roundtrip", 1))
                .extracting(ConsumerRecord::value).containsExactly("v");
    }

    private static void execute(PostgresConnection database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(PostgresConnection database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
