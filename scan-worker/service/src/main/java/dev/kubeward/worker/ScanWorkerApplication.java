package dev.kubeward.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The worker as its own process: a thin shell. Everything the worker does is wired by
 * {@link WorkerConfiguration}, an auto-configuration, so platform-api runs the same beans in-process.
 */
@SpringBootApplication(scanBasePackages = {"dev.kubeward.worker", "dev.kubeward.db"})
public class ScanWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScanWorkerApplication.class, args);
    }
}
