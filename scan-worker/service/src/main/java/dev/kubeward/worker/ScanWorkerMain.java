package dev.kubeward.worker;

import dev.kubeward.engine.cli.KubewardCli;

import java.util.Set;

/**
 * Main class of the executable jar ({@code scan-worker.jar}): {@code scan}, {@code conformance} and {@code bench}
 * are the engine's command line (no Spring context is started for them); anything else starts the worker service.
 */
public final class ScanWorkerMain {

    private static final Set<String> CLI_COMMANDS = Set.of("scan", "conformance", "bench");

    private ScanWorkerMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && CLI_COMMANDS.contains(args[0])) {
            KubewardCli.main(args);
            return;
        }
        ScanWorkerApplication.main(args);
    }
}
