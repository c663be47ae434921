package dev.kubeward.api.embedded;

import dev.kubeward.contract.Topic;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.infra.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default: when no external database is configured, start a real PostgreSQL and a real
 * Kafka broker in this process, with all data under one directory ({@code kubeward.data-dir}, default
 * {@code ~/.kubeward}), and point the application at them. A restart on the same directory finds every
 * cluster, finding and history point again. The same jar runs against external PostgreSQL and Kafka when
 * {@code KUBEWARD_DB_URL} (or {@code kubeward.embedded=false}) is given.
 */
public final class EmbeddedDefault {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDefault.class);

    private EmbeddedDefault() {
    }

    /** Decides embedded or external from arguments, system properties and environment, before Spring starts. */
    public static void prepare(SpringApplication app, String[] args) {
        if (!embedded(args)) return;
        Path dataDir = dataDir(args);
        log.info("Kubeward embedded default: data in {}", dataDir);
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dataDir, "kubeward");
        for (Topic t : Topic.values()) infra.kafka().createTopic(t.topicName(), 3);

        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", infra.database().jdbcUrl());
        props.put("spring.datasource.username", infra.database().username());
        props.put("spring.datasource.password", infra.database().password());
        props.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        props.put("kubeward.secrets.key", secretsKey(dataDir));
        props.put("kubeward.data-dir", dataDir.toString());
        props.put("kubeward.embedded.active", "true");
        app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kubeward-embedded", props)));

        // Stop the application first (consumers, pools), then the servers it uses: one hook, in order.
        app.setRegisterShutdownHook(false);
        app.addListeners(event -> {
            if (event instanceof org.springframework.boot.context.event.ApplicationPreparedEvent prepared) {
                ConfigurableApplicationContext ctx = prepared.getApplicationContext();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        ctx.close();
                    } finally {
                        infra.close();
                    }
                }, "kubeward-shutdown"));
            }
        });
    }

    static boolean embedded(String[] args) {
        String explicit = setting(args, "kubeward.embedded", "KUBEWARD_EMBEDDED");
        if (explicit != null) return Boolean.parseBoolean(explicit);
        return setting(args, "spring.datasource.url", "KUBEWARD_DB_URL") == null;
    }

    static Path dataDir(String[] args) {
        String dir = setting(args, "kubeward.data-dir", "KUBEWARD_DATA_DIR");
        return (dir == null ? Path.of(System.getProperty("user.home"), ".kubeward") : Path.of(dir)).toAbsolutePath();
    }

    /** {@code --name=value} argument, then system property, then environment variable. */
    static String setting(String[] args, String property, String env) {
        for (String a : args) {
            if (a.startsWith("--" + property + "=")) return a.substring(property.length() + 3);
        }
        String sys = System.getProperty(property);
        if (sys != null) return sys;
        return System.getenv(env);
    }

    /** The key that encrypts cluster secrets, kept beside (not inside) the database, readable by its owner only. */
    private static String secretsKey(Path dataDir) {
        Path file = dataDir.resolve("secrets.key");
        try {
            if (Files.exists(file)) return Files.readString(file).trim();
            Files.createDirectories(dataDir);
            String key = SecretCipher.newKeyBase64();
            Files.writeString(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
