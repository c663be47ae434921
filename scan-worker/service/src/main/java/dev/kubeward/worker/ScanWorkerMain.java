package dev.kubeward.worker;

import dev.kubeward.engine.cli.KubewardCli;
import picocli.CommandLine;

import java.util.Set;

/**
 * Main class of the executable jar ({@code scan-worker.jar}): the engine's subcommands ({@code scan},
 * {@code conformance}, {@code bench}, {@code catalog}, …) are its command line (no Spring context is started for
 * them); anything else starts the worker service.
 */
public final class ScanWorkerMain {

    /** Taken from the CLI itself, so a new subcommand is reachable from the jar without touching this class. */
    static final Set<String> CLI_COMMANDS = Set.copyOf(new CommandLine(new KubewardCli()).getSubcommands().keySet());

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
