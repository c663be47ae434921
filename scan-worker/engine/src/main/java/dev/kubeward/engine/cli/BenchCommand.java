package dev.kubeward.engine.cli;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import dev.kubeward.engine.synthetic.SyntheticCluster;

/**
 * {@code bench}: scans synthetic clusters of the given sizes over every control and prints the median
 * wall time of several runs and the peak heap, as the rows of docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the engine on synthetic clusters.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--objects", split = ",", defaultValue = "1000,10000,100000", description = "Cluster sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var controls = ControlCatalog.standard().controls();
        out.printf("| objects | controls | median scan time (ms) | min (ms) | max (ms) | peak heap (MiB) | findings |%n");
        out.printf("|---:|---:|---:|---:|---:|---:|---:|%n");
        for (int size : sizes) {
            List<KubeObject> objects = SyntheticCluster.generate(size, 42);
            Evaluator evaluator = Evaluator.standard();
            evaluator.evaluate(Snapshot.of(objects), ControlInputs.defaults(), controls); // warm-up
            List<Long> times = new ArrayList<>();
            long findings = 0;
            System.gc();
            HeapSampler sampler = HeapSampler.start();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ScanResult r = evaluator.evaluate(Snapshot.of(objects), ControlInputs.defaults(), controls);
                times.add((System.nanoTime() - t0) / 1_000_000);
                findings = r.controls().stream().mapToLong(c -> c.failedCount()).sum();
            }
            long peak = sampler.stop();
            Collections.sort(times);
            out.printf("| %,d | %d | %d | %d | %d | %d | %,d |%n", objects.size(), controls.size(), times.get(times.size() / 2), times.get(0),
                    times.get(times.size() - 1), peak / (1024 * 1024), findings);
            out.flush();
        }
        return 0;
    }

    /**
     * The highest used heap seen while the scans ran, sampled every few milliseconds (the snapshot itself and
     * not-yet-collected garbage included). Summing the pools' own peaks would overstate it: pools peak at
     * different moments.
     */
    private static final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread.start();
            return s;
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }
}
