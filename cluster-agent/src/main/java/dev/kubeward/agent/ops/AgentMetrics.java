package dev.kubeward.agent.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The agent's Prometheus metrics: snapshots, objects and chunks sent, failures, last success; plus JVM memory. */
public final class AgentMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter snapshotsSent = Counter.builder("kubeward.agent.snapshots.sent").description("Snapshots sent completely").register(registry);
    private final Counter objectsSent = Counter.builder("kubeward.agent.objects.sent").description("Objects sent in complete snapshots").register(registry);
    private final Counter chunksSent = Counter.builder("kubeward.agent.chunks.sent").description("Chunks sent in complete snapshots").register(registry);
    private final Counter oversized = Counter.builder("kubeward.agent.objects.oversized").description("Objects left out: too large for a chunk").register(registry);
    private final Timer duration = Timer.builder("kubeward.agent.snapshot.duration").description("Time to collect and send a snapshot").register(registry);
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicInteger lastObjects = new AtomicInteger();
    private final AtomicInteger skippedKinds = new AtomicInteger();

    public AgentMetrics() {
        Gauge.builder("kubeward.agent.last.success.timestamp", lastSuccess, AtomicLong::get).baseUnit("seconds")
                .description("When the last snapshot was sent completely (Unix time), 0 before the first").register(registry);
        Gauge.builder("kubeward.agent.snapshot.objects", lastObjects, AtomicInteger::get).description("Objects in the last complete snapshot").register(registry);
        Gauge.builder("kubeward.agent.kinds.skipped", skippedKinds, AtomicInteger::get)
                .description("Kinds skipped in the last collection (not served, or forbidden by RBAC)").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
    }

    public void snapshotSent(int objects, int chunks, int oversizedObjects, Duration took, Instant at) {
        snapshotsSent.increment();
        objectsSent.increment(objects);
        chunksSent.increment(chunks);
        oversized.increment(oversizedObjects);
        duration.record(took);
        lastSuccess.set(at.getEpochSecond());
        lastObjects.set(objects);
    }

    /** A snapshot dropped: {@code stage} is collect (Kubernetes API) or publish (platform unreachable or refusing). */
    public void snapshotFailed(String stage) {
        Counter.builder("kubeward.agent.snapshots.failed").description("Snapshots dropped before they were sent completely")
                .tag("stage", stage).register(registry).increment();
    }

    public void kindsSkipped(int count) {
        skippedKinds.set(count);
    }

    public double snapshotsSent() {
        return snapshotsSent.count();
    }

    public double snapshotsFailed() {
        return registry.find("kubeward.agent.snapshots.failed").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
