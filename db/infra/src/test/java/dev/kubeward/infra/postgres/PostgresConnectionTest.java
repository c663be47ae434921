package dev.kubeward.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresConnectionTest {

    private final PostgresConnection server =
            new PostgresConnection("jdbc:postgresql://db.example:5433/postgres?sslmode=require", "kw", "s3cret");

    @Test
    void switchesDatabaseKeepingHostPortParametersAndCredentials() {
        PostgresConnection other = server.withDatabase("kw_test_1");

        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/kw_test_1?sslmode=require");
        assertThat(other.database()).isEqualTo("kw_test_1");
        assertThat(other.username()).isEqualTo("kw");
        assertThat(other.password()).isEqualTo("s3cret");
    }

    @Test
    void keepsThePasswordOutOfToString() {
        assertThat(server.toString()).contains("db.example").doesNotContain("s3cret");
    }

    @Test
    void rejectsUrlsOfOtherDatabases() {
        assertThatThrownBy(() -> new PostgresConnection("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyPlainLowerCaseDatabaseNames() {
        assertThat(PostgresConnection.checkDatabaseName("kw_test_0a1b_12")).isEqualTo("kw_test_0a1b_12");
        for (String bad : new String[] {"", "Upper", "1starts_with_digit", "has-dash", "quote\"", "a".repeat(64)}) {
            assertThatThrownBy(() -> PostgresConnection.checkDatabaseName(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
