package dev.kubeward.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A real PostgreSQL 18 server (zonky binaries) run as a child process on a data directory that outlives it.
 *
 * <p>The first start on an empty directory runs {@code initdb}; later starts find {@code postgresql.conf} there and
 * reuse the cluster as it is, so a restart keeps every database. {@link #close()} stops the server with
 * {@code pg_ctl stop -m fast}, a clean shutdown with a checkpoint.
 *
 * <p>Named {@code ...Server} so it never clashes with zonky's {@code EmbeddedPostgres} in imports.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** initdb runs with {@code -A trust -U postgres}: the password is never checked, the server listens on localhost only. */
    public static final String SUPERUSER = "postgres";
    private static final String UNCHECKED_PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a durable server on {@code dataDirectory}; {@code port} 0 picks a free port. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return builder(dataDirectory).port(port).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The maintenance database {@code postgres} as superuser: for creating databases, not for application data. */
    public PostgresConnection serverConnection() {
        return connection("postgres");
    }

    /** A connection to {@code database}, which may or may not exist yet. */
    public PostgresConnection connection(String database) {
        return new PostgresConnection(postgres.getJdbcUrl(SUPERUSER, PostgresConnection.checkDatabaseName(database)),
                SUPERUSER, UNCHECKED_PASSWORD);
    }

    /** Creates a new database; fails if it exists. */
    public PostgresConnection createDatabase(String name) {
        return PostgresDatabases.create(serverConnection(), name);
    }

    /** Creates the database on the first start and returns the existing one on every later start. */
    public PostgresConnection ensureDatabase(String name) {
        return PostgresDatabases.ensure(serverConnection(), name);
    }

    /** Stops the server cleanly; the data directory stays. Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on " + dataDirectory, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[port=" + port() + ", dataDirectory=" + dataDirectory + "]";
    }

    public static final class Builder {
        private final Path dataDirectory;
        private int port;
        private boolean durable = true;
        private boolean stopOnJvmExit = true;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath();
        }

        /** 0 (the default) picks a free port on every start; the port is not stored in the data directory. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * NB: zonky starts postgres with {@code -F} (fsync off) and {@code synchronous_commit=off}: fast for tests, but a
         * crash of the machine can lose or corrupt committed data. Durable (the default) turns both back on, which the
         * embedded default wants for the user's data; tests pass {@code false}.
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** zonky waits 10 s by default; the first start also unpacks binaries and runs initdb, slow on a busy 2-core box. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /**
         * zonky stops the server from its own JVM shutdown hook (the default). Owners that stop it from their own hook
         * turn this off: two hooks run concurrently, and the second {@code close()} returns at once, before the first
         * has finished, which matters if the owner deletes the directory next.
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /** Any {@code postgresql.conf} setting, passed as {@code -c key=value} on every start. */
        public Builder serverConfig(String key, String value) {
            serverConfig.put(key, value);
            return this;
        }

        public EmbeddedPostgresServer start() {
            try {
                Files.createDirectories(dataDirectory);
                EmbeddedPostgres.Builder zonky = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        // NB: the default (true) deletes the data directory on close, and initdb runs again on every start.
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setRegisterShutdownHook(stopOnJvmExit)
                        .setPGStartupWait(startupTimeout);
                if (durable) {
                    // -c options come after zonky's -F on the postgres command line; the later setting wins.
                    zonky.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                serverConfig.forEach(zonky::setServerConfig);
                return new EmbeddedPostgresServer(zonky.start(), dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL on " + dataDirectory, e);
            }
        }
    }
}
