package dev.kubeward.infra.testing;

import dev.kubeward.infra.internal.LogLevels;
import dev.kubeward.infra.kafka.EmbeddedKafkaServer;
import dev.kubeward.infra.kafka.KafkaConnection;
import dev.kubeward.infra.postgres.EmbeddedPostgresServer;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.postgres.PostgresDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real PostgreSQL and Kafka for integration tests, started at most once per JVM and stopped by a shutdown hook.
 *
 * <p>Each server comes from the first source that applies:
 * <ol>
 *   <li>{@link InfrastructureSource#EXTERNAL EXTERNAL}: {@value #JDBC_URL} (with {@value #JDBC_USER},
 *       {@value #JDBC_PASSWORD}) or {@value #KAFKA_BOOTSTRAP} is set, as environment variable or system property;</li>
 *   <li>{@link InfrastructureSource#TESTCONTAINERS TESTCONTAINERS}: Testcontainers is on the test classpath and a
 *       Docker engine answers;</li>
 *   <li>{@link InfrastructureSource#EMBEDDED EMBEDDED}: zonky PostgreSQL and an in-process KRaft broker in a temporary
 *       directory.</li>
 * </ol>
 * {@code KUBEWARD_TEST_INFRA=external|testcontainers|embedded} forces one source.
 *
 * <p>Isolation: {@link #freshDatabase()} gives every caller its own new database on the shared server (an external role
 * needs {@code CREATEDB}; databases made on an external server are dropped at JVM exit). Kafka is shared
 * as is; tests use their own topic names and group ids. Topics are not created automatically on any source.
 */
public final class TestInfrastructure {

    public static final String JDBC_URL = "KUBEWARD_TEST_JDBC_URL";
    public static final String JDBC_USER = "KUBEWARD_TEST_JDBC_USER";
    public static final String JDBC_PASSWORD = "KUBEWARD_TEST_JDBC_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "KUBEWARD_TEST_KAFKA_BOOTSTRAP";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger databaseCounter = new AtomicInteger();
    /** Distinguishes JVMs that share an external server (parallel forks, several CI jobs). */
    private static final String RUN_ID = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());

    private static Running<PostgresConnection> postgres;
    private static Running<KafkaConnection> kafka;
    private static Boolean dockerAvailable;
    private static Path embeddedRoot;
    private static final Deque<AutoCloseable> stopOnExit = new ArrayDeque<>();
    private static final List<String> externalDatabases = new ArrayList<>();
    private static boolean hookInstalled;

    private TestInfrastructure() {
    }

    /**
     * The shared PostgreSQL server, connected to its default database. Prefer {@link #freshDatabase()} for test data;
     * this one is for server-wide work (creating a template database, checking the version).
     */
    public static synchronized PostgresConnection postgres() {
        if (postgres == null) {
            postgres = startPostgres(selection().choose(JDBC_URL));
            log.info("PostgreSQL for tests: {} ({})", postgres.connection().jdbcUrl(), postgres.source());
        }
        return postgres.connection();
    }

    /** A new, empty database on the shared server, named {@code kw_test_<run>_<n>}; the caller owns it. */
    public static PostgresConnection freshDatabase() {
        PostgresConnection server = postgres();
        String name = "kw_test_" + RUN_ID + "_" + databaseCounter.incrementAndGet();
        PostgresConnection database = PostgresDatabases.create(server, name);
        if (postgresSource() == InfrastructureSource.EXTERNAL) {
            synchronized (TestInfrastructure.class) {
                externalDatabases.add(name);
            }
        }
        return database;
    }

    /** The shared Kafka cluster. Create topics with {@link KafkaConnection#createTopic}. */
    public static synchronized KafkaConnection kafka() {
        if (kafka == null) {
            kafka = startKafka(selection().choose(KAFKA_BOOTSTRAP));
            log.info("Kafka for tests: {} ({})", kafka.connection().bootstrapServers(), kafka.source());
        }
        return kafka.connection();
    }

    public static synchronized InfrastructureSource postgresSource() {
        postgres();
        return postgres.source();
    }

    public static synchronized InfrastructureSource kafkaSource() {
        kafka();
        return kafka.source();
    }

    private static Running<PostgresConnection> startPostgres(InfrastructureSource source) {
        SourceSelection settings = selection();
        Running<PostgresConnection> running = switch (source) {
            case EXTERNAL -> new Running<>(new PostgresConnection(settings.require(JDBC_URL),
                    settings.get(JDBC_USER, "postgres"), settings.get(JDBC_PASSWORD, "")), source, TestInfrastructure::dropExternalDatabases);
            case TESTCONTAINERS -> Containers.postgres(Containers.POSTGRES_IMAGE);
            case EMBEDDED -> {
                // Not durable: tests trade crash safety for speed (fsync off), the directory is thrown away anyway.
                EmbeddedPostgresServer server = EmbeddedPostgresServer.builder(embeddedRoot().resolve("postgres"))
                        .durable(false).stopOnJvmExit(false).start();
                yield new Running<>(server.serverConnection(), source, server);
            }
        };
        stopOnExit(running.stop());
        return running;
    }

    private static Running<KafkaConnection> startKafka(InfrastructureSource source) {
        Running<KafkaConnection> running = switch (source) {
            case EXTERNAL -> new Running<>(new KafkaConnection(selection().require(KAFKA_BOOTSTRAP)), source, () -> { });
            case TESTCONTAINERS -> Containers.kafka(Containers.KAFKA_IMAGE);
            case EMBEDDED -> {
                EmbeddedKafkaServer server = EmbeddedKafkaServer.start(embeddedRoot().resolve("kafka"), 0);
                yield new Running<>(new KafkaConnection(server.bootstrapServers()), source, server);
            }
        };
        stopOnExit(running.stop());
        return running;
    }

    private static SourceSelection selection() {
        return SourceSelection.fromEnvironment(TestInfrastructure::dockerAvailable);
    }

    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            // Where no engine runs, Testcontainers logs a multi-line ERROR on every check; the answer "no" is expected
            // here and reported once below, so that logger is off for the check unless the application configured it.
            dockerAvailable = Containers.onClasspath() && LogLevels.silenced(
                    "org.testcontainers.dockerclient.DockerClientProviderStrategy", Containers::dockerAvailable);
            if (!dockerAvailable) {
                log.info("No Docker engine answered (or Testcontainers is not on the classpath); test infrastructure is embedded");
            }
        }
        return dockerAvailable;
    }

    private static synchronized Path embeddedRoot() {
        if (embeddedRoot == null) {
            try {
                embeddedRoot = Files.createTempDirectory("kubeward-test-infra-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embeddedRoot;
    }

    private static synchronized void stopOnExit(AutoCloseable stop) {
        stopOnExit.push(stop);
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "kubeward-test-infrastructure-stop"));
        }
    }

    /** Last started, first stopped; then the embedded data goes. */
    private static synchronized void stopAll() {
        while (!stopOnExit.isEmpty()) {
            try {
                stopOnExit.pop().close();
            } catch (Exception e) {
                log.warn("could not stop test infrastructure cleanly", e);
            }
        }
        if (embeddedRoot != null) {
            deleteRecursively(embeddedRoot);
        }
    }

    /** External servers outlive the run, so the databases this JVM created are dropped at exit (best effort). */
    private static void dropExternalDatabases() {
        if (externalDatabases.isEmpty()) {
            return;
        }
        try (Connection connection = postgres.connection().open(); Statement statement = connection.createStatement()) {
            for (String name : externalDatabases) {
                // WITH (FORCE) (PostgreSQL 13+) ends connections that pools of the finished tests still hold.
                statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("could not drop test databases {}", externalDatabases, e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", root, e);
        }
    }
}
