package dev.kubeward.infra.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates databases on any server we can sign in to with {@code CREATEDB}: embedded, container or external. */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    /**
     * Creates {@code name} on the server behind {@code server}; fails if it exists.
     *
     * @return a connection to the new database with the same credentials
     */
    public static PostgresConnection create(PostgresConnection server, String name) {
        PostgresConnection.checkDatabaseName(name);
        try (Connection connection = server.open(); Statement statement = connection.createStatement()) {
            // CREATE DATABASE cannot run in a transaction block; the driver's default autocommit keeps us out of one.
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " via " + server, e);
        }
        return server.withDatabase(name);
    }

    /** Creates {@code name} unless it is already there; what a restart of the embedded default needs. */
    public static PostgresConnection ensure(PostgresConnection server, String name) {
        PostgresConnection.checkDatabaseName(name);
        return exists(server, name) ? server.withDatabase(name) : create(server, name);
    }

    public static boolean exists(PostgresConnection server, String name) {
        try (Connection connection = server.open();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up database " + name + " via " + server, e);
        }
    }
}
