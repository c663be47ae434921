package dev.kubeward.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of the scan-worker jar: {@code scan}, {@code conformance}, {@code bench}, {@code catalog}. */
@Command(name = "kubeward", mixinStandardHelpOptions = true, version = "kubeward 0.1.0",
        description = "Kubernetes security posture: scan manifests, check conformance with Kubescape's cases, benchmark the engine.",
        subcommands = {ScanCommand.class, ConformanceCommand.class, BenchCommand.class, CatalogCommand.class})
public final class KubewardCli implements Runnable {

    public static final String VERSION = "0.1.0";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new KubewardCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
