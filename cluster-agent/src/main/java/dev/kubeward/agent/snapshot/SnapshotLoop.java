package dev.kubeward.agent.snapshot;

import dev.kubeward.agent.collect.ObjectSource;
import dev.kubeward.agent.ops.AgentHealth;
import dev.kubeward.agent.ops.AgentMetrics;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.PublishException;
import dev.kubeward.contract.ClusterMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * When snapshots are taken: one on start, then every {@code interval}; a change reported by the watches
 * ({@link #changed()}) brings the next one forward to {@code debounce} after the last change, but never
 * later than {@code maxDelay} after the first, so a busy cluster still shows changes within a minute.
 *
 * <p>One snapshot runs at a time, on one thread. A snapshot that fails (platform unreachable, API list
 * failed) is dropped with a log line and a metric; nothing of it is kept. The next attempt comes after an
 * exponential backoff capped at the interval, and changes do not bypass that backoff.
 */
public final class SnapshotLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotLoop.class);

    /** Timing of the loop. */
    public record Settings(Duration interval, Duration debounce, Duration maxDelay, Backoff failureBackoff) {
        public static Settings every(Duration interval) {
            return new Settings(interval, Duration.ofSeconds(15), Duration.ofSeconds(45), new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(5)));
        }
    }

    private final Supplier<ClusterMetadata> metadata;
    private final ObjectSource source;
    private final SnapshotSender sender;
    private final AgentMetrics metrics;
    private final AgentHealth health;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubeward-snapshot");
        t.setDaemon(true);
        return t;
    });

    // scheduling state, guarded by this
    private ScheduledFuture<?> next;
    private Instant nextAt;
    private Instant periodicAt;
    private Instant firstChange;
    private Instant changeAt;
    private Instant notBefore = Instant.MIN;
    private int failures;

    public SnapshotLoop(Supplier<ClusterMetadata> metadata, ObjectSource source, SnapshotSender sender, AgentMetrics metrics,
                        AgentHealth health, Settings settings, Clock clock) {
        this.metadata = metadata;
        this.source = source;
        this.sender = sender;
        this.metrics = metrics;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes the first snapshot now, then keeps the schedule. */
    public synchronized void start() {
        periodicAt = clock.instant();
        reschedule();
    }

    /** A watched object changed: bring the next snapshot forward (debounced). */
    public synchronized void changed() {
        if (periodicAt == null) return; // not started (once mode) or closed
        Instant now = clock.instant();
        if (firstChange == null) firstChange = now;
        Instant debounced = now.plus(settings.debounce());
        Instant latest = firstChange.plus(settings.maxDelay());
        changeAt = debounced.isBefore(latest) ? debounced : latest;
        reschedule();
    }

    /** Takes one snapshot now on the caller's thread; empty when it failed (and was dropped). */
    public Optional<SnapshotSender.Sent> runOnce() {
        Instant started = clock.instant();
        health.snapshotStarted();
        try {
            ClusterMetadata cluster = metadata.get();
            SnapshotSender.Sent sent = sender.send(source, cluster, started);
            Duration took = Duration.between(started, clock.instant());
            metrics.snapshotSent(sent.objects(), sent.chunks(), sent.oversized(), took, clock.instant());
            log.info("snapshot {} sent: {} objects in {} chunks in {} ms ({}, {} nodes)", sent.snapshotId(), sent.objects(), sent.chunks(),
                    took.toMillis(), cluster.distribution(), cluster.nodeCount());
            return Optional.of(sent);
        } catch (RuntimeException e) {
            String stage = e instanceof PublishException ? "publish" : "collect";
            metrics.snapshotFailed(stage);
            log.warn("snapshot dropped ({} failed): {}", stage, e.toString());
            if (e instanceof PublishException p && p.permanent()) {
                log.error("the platform refuses this agent's chunks; check the cluster id and secret");
            }
            return Optional.empty();
        } finally {
            health.snapshotFinished();
        }
    }

    private void runScheduled() {
        synchronized (this) {
            next = null;
            nextAt = null;
            firstChange = null;
            changeAt = null;
        }
        boolean ok = runOnce().isPresent();
        synchronized (this) {
            Instant now = clock.instant();
            if (ok) {
                failures = 0;
                notBefore = Instant.MIN;
                periodicAt = now.plus(settings.interval());
            } else {
                failures++;
                Duration wait = settings.failureBackoff().delay(failures);
                if (wait.compareTo(settings.interval()) > 0) wait = settings.interval();
                notBefore = now.plus(wait);
                periodicAt = notBefore;
                log.info("next snapshot attempt in {} s", wait.toSeconds());
            }
            if (!executor.isShutdown()) reschedule();
        }
    }

    /** Points the single pending task at the earliest due time; a running snapshot reschedules when it ends. */
    private void reschedule() {
        if (executor.isShutdown()) return;
        Instant at = periodicAt;
        if (changeAt != null && changeAt.isBefore(at)) at = changeAt;
        if (at.isBefore(notBefore)) at = notBefore;
        if (next != null) {
            if (at.equals(nextAt)) return;
            if (!next.cancel(false)) return; // already running: it reschedules itself afterwards
        }
        nextAt = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        next = executor.schedule(this::runScheduled, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        synchronized (this) {
            periodicAt = null;
            executor.shutdownNow();
        }
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
