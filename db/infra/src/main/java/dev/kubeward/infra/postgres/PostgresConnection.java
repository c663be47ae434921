package dev.kubeward.infra.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a PostgreSQL database is and how to sign in to it; the same shape for embedded, Testcontainers and external servers.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database[?params]}
 * @param username role to connect as
 * @param password its password (ignored by the embedded server, which trusts local connections)
 */
public record PostgresConnection(String jdbcUrl, String username, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresConnection {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
    }

    /** The database this connection points at (the path of the URL). */
    public String database() {
        String path = uri().getPath();
        return path == null || path.length() <= 1 ? "" : path.substring(1);
    }

    /** The same server and credentials, another database; query parameters are kept. */
    public PostgresConnection withDatabase(String database) {
        URI uri = uri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresConnection("jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query, username, password);
    }

    /** A non-pooling data source; fine for tests and set-up, give the application a pool. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Opens a connection; the caller closes it. */
    public Connection open() throws SQLException {
        return dataSource().getConnection();
    }

    /**
     * Rejects anything but a plain lower-case identifier, so names can go into {@code CREATE DATABASE} unquoted-safe and
     * PostgreSQL never folds them into something else.
     */
    static String checkDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        return name;
    }

    private URI uri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    @Override
    public String toString() {
        // NB: records print every component; keep the password out of logs and assertion messages.
        return "PostgresConnection[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
}
