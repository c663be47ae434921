package dev.kubeward.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.kubeward.infra.internal.LogLevels;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka 4.1 broker in KRaft combined mode (broker and controller in one), running in this JVM.
 *
 * <p>Topics, records and committed offsets live in {@code <dataDirectory>/logs}. The first start formats that directory
 * (what {@code kafka-storage.sh format} does) with a new cluster id; later starts find {@code meta.properties} there
 * and open the existing logs, so a restart keeps everything. Ports are not part of the stored state: with port 0 each
 * start picks new free ports and clients simply use the new {@link #bootstrapServers()}.
 *
 * <p>NB: Kafka calls {@code Exit.halt} on fatal storage errors (disk full, corrupt metadata log), which ends this JVM,
 * not just the broker. That is the same as a stand-alone broker and acceptable for the embedded default.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final String clusterId;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaServer(KafkaRaftServer server, Path dataDirectory, String clusterId, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.clusterId = clusterId;
        this.port = port;
    }

    /** Starts a broker on {@code dataDirectory}; {@code port} 0 picks a free port. */
    public static EmbeddedKafkaServer start(Path dataDirectory, int port) {
        return builder(dataDirectory).port(port).start();
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Written at the first start and kept in {@code meta.properties}; the same after every restart. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates the topics that are missing (replication factor 1); existing ones stay as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        KafkaTopics.create(bootstrapServers(), topics);
    }

    /** Creates {@code name} with {@code partitions} partitions unless it exists. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(KafkaTopics.topic(name, partitions)));
    }

    /** Shuts broker and controller down cleanly (logs flushed, clean-shutdown marker written). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaServer[bootstrapServers=" + bootstrapServers() + ", dataDirectory=" + dataDirectory + "]";
    }

    public static final class Builder {
        private final Path dataDirectory;
        private int port;
        private int controllerPort;
        private boolean autoCreateTopics;
        private final Map<String, String> brokerConfig = new LinkedHashMap<>();

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath();
        }

        /** Client port; 0 (the default) picks a free one on every start. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** Port of the KRaft controller listener (127.0.0.1 only); 0 (the default) picks a free one on every start. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Off by default: topics are created on purpose with {@link #createTopics}, with the partitions they need. */
        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        /** Any broker setting; applied last, so it overrides the defaults chosen here. */
        public Builder brokerConfig(String key, String value) {
            brokerConfig.put(key, value);
            return this;
        }

        public EmbeddedKafkaServer start() {
            // An in-process broker otherwise logs every config value, segment roll and metadata record at INFO.
            LogLevels.defaultTo("WARN", List.of("kafka", "org.apache.kafka", "state.change.logger"));
            Path logDirectory = dataDirectory.resolve("logs");
            int[] ports = freePorts(port, controllerPort);
            KafkaConfig config = KafkaConfig.fromProps(properties(logDirectory, ports[0], ports[1]), false);
            String clusterId = formatOnFirstStart(logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                // Returns once the broker has caught up with the metadata log and is unfenced, i.e. ready for clients.
                server.startup();
            } catch (RuntimeException e) {
                server.shutdown();
                server.awaitShutdown();
                throw e;
            }
            return new EmbeddedKafkaServer(server, dataDirectory, clusterId, ports[0]);
        }

        private Properties properties(Path logDirectory, int brokerPort, int controllerPort) {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(NODE_ID));
            // A static voter set (kraft.version 0) rather than a dynamic quorum: a dynamic quorum stores the controller's
            // endpoint in the metadata log, and a new free port after a restart would no longer match it.
            props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
            props.put("controller.listener.names", CONTROLLER_LISTENER);
            props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                    + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
            props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
            props.put("inter.broker.listener.name", BROKER_LISTENER);
            props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            props.put("log.dirs", logDirectory.toString());
            props.put("auto.create.topics.enable", String.valueOf(autoCreateTopics));
            props.put("num.partitions", "1");
            props.put("default.replication.factor", "1");
            props.put("min.insync.replicas", "1");
            // Internal topics default to replication factor 3, which a single node can never satisfy.
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            // Sized for a laptop or a 2-core CI box next to PostgreSQL and the application itself: the log cleaner
            // would otherwise allocate a 128 MiB dedupe buffer on the heap at start-up.
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "4");
            props.putAll(brokerConfig);
            return props;
        }

        /**
         * Formats the log directory only if it has never been formatted: formatting again would mean a new cluster id and
         * an empty metadata log, i.e. all topics gone. Returns the cluster id, new or stored.
         */
        private String formatOnFirstStart(Path logDirectory) {
            Path metaProperties = logDirectory.resolve("meta.properties");
            try {
                if (Files.exists(metaProperties)) {
                    return storedClusterId(metaProperties);
                }
                Files.createDirectories(logDirectory);
                String clusterId = Uuid.randomUuid().toString();
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(NODE_ID)
                        .setClusterId(clusterId)
                        .setDirectories(List.of(logDirectory.toString()))
                        .setMetadataLogDirectory(logDirectory.toString())
                        .setControllerListenerName(CONTROLLER_LISTENER)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .run();
                return clusterId;
            } catch (IOException e) {
                throw new UncheckedIOException("could not format Kafka log directory " + logDirectory, e);
            } catch (Exception e) {
                throw new IllegalStateException("could not format Kafka log directory " + logDirectory, e);
            }
        }

        private static String storedClusterId(Path metaProperties) throws IOException {
            Properties stored = new Properties();
            try (InputStream in = Files.newInputStream(metaProperties)) {
                stored.load(in);
            }
            return stored.getProperty("cluster.id");
        }

        /** Resolves 0 to free ports; both sockets are held open together so the two answers cannot be the same port. */
        private static int[] freePorts(int brokerPort, int controllerPort) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                 ServerSocket second = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                return new int[] {
                        brokerPort != 0 ? brokerPort : first.getLocalPort(),
                        controllerPort != 0 ? controllerPort : second.getLocalPort()};
            } catch (IOException e) {
                throw new UncheckedIOException("could not find free ports on " + HOST, e);
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            return port;
        }
    }
}
