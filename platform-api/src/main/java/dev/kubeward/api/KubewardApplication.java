package dev.kubeward.api;

import dev.kubeward.api.embedded.EmbeddedDefault;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The platform: REST API, dashboards, sign-in. Started without external PostgreSQL and Kafka it is the
 * embedded default — the whole system in one process (see {@link EmbeddedDefault}).
 */
@SpringBootApplication(scanBasePackages = {"dev.kubeward.api", "dev.kubeward.db"})
@EntityScan("dev.kubeward")
@EnableJpaRepositories("dev.kubeward")
@EnableScheduling
public class KubewardApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(KubewardApplication.class);
        EmbeddedDefault.prepare(app, args);
        app.run(args);
    }
}
