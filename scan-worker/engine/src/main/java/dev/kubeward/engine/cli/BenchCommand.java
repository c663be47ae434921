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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
            resetPeaks();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ScanResult r = evaluator.evaluate(Snapshot.of(objects), ControlInputs.defaults(), controls);
                times.add((System.nanoTime() - t0) / 1_000_000);
                findings = r.controls().stream().mapToLong(c -> c.failedCount()).sum();
            }
            Collections.sort(times);
            out.printf("| %,d | %d | %d | %d | %d | %d | %,d |%n", objects.size(), controls.size(), times.get(times.size() / 2), times.get(0),
                    times.get(times.size() - 1), peakHeapMiB(), findings);
            out.flush();
        }
        return 0;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / (1024 * 1024);
    }
}
