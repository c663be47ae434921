package dev.kubeward.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDatabasesAndRowsAcrossARestartOnTheSameDirectory() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            PostgresConnection database = server.ensureDatabase("kubeward");
            assertThat(database.jdbcUrl()).contains(":" + server.port() + "/kubeward");
            execute(database, "CREATE TABLE cluster (id text PRIMARY KEY, cloud text NOT NULL)");
            execute(database, "INSERT INTO cluster VALUES ('c-1', 'eks')");
        }
        assertThat(dataDirectory.resolve("postgresql.conf")).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            PostgresConnection database = server.ensureDatabase("kubeward");
            assertThat(queryString(database, "SELECT cloud FROM cluster WHERE id = 'c-1'")).isEqualTo("eks");
        }
    }

    @Test
    void isDurableByDefaultAndFastOnRequest() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory.resolve("durable"), 0)) {
            assertThat(queryString(server.serverConnection(), "SHOW fsync")).isEqualTo("on");
            assertThat(queryString(server.serverConnection(), "SHOW synchronous_commit")).isEqualTo("on");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder(dataDirectory.resolve("fast")).durable(false).start()) {
            assertThat(queryString(server.serverConnection(), "SHOW fsync")).isEqualTo("off");
            assertThat(queryString(server.serverConnection(), "SHOW server_version")).startsWith("18.");
        }
    }

    @Test
    void createDatabaseRefusesAnExistingNameAndUnsafeNames() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder(dataDirectory).durable(false).start()) {
            server.createDatabase("tenant_a");
            assertThatThrownBy(() -> server.createDatabase("tenant_a")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> server.createDatabase("x\"; DROP DATABASE postgres; --"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.ensureDatabase("tenant_a").database()).isEqualTo("tenant_a");
        }
    }

    static void execute(PostgresConnection database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String queryString(PostgresConnection database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for %s", sql).isTrue();
            return rows.getString(1);
        }
    }
}
