package dev.kubeward.agent.image;

import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Analyses the images pods run, each digest once, off the snapshot path: {@link #offer} (called by the
 * snapshot thread for every container) only looks into memory and puts the image on a bounded queue; one
 * thread of its own analyses queued images one at a time and sends each SBOM. A full queue drops the image, and
 * the next snapshot offers it again.
 *
 * <p>An image that fails (registry unreachable or refusing, a layer over the limits, broken gzip) is logged
 * and left alone for {@code retryFailedAfter}; the agent and its snapshots carry on. One image may take at most
 * {@code imageTimeout}; then its thread is interrupted, which ends a download a registry stopped feeding.
 */
public final class ImageScanner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageScanner.class);
    private static final int MAX_FAILURES_REMEMBERED = 10_000;
    /** In the image scan directory; SBOM pick-up shares it, so that either one's digests count for both. */
    public static final String CACHE_FILE = "analysed-digests.txt";

    private final ImageAnalyser analyser;
    private final PullSecrets pullSecrets;
    private final SbomSender sender;
    private final AnalysedDigests sent;
    private final Duration imageTimeout;
    private final Duration retryFailedAfter;
    private final Clock clock;
    private final BlockingQueue<ImageJob> queue;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> failedUntil = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_FAILURES_REMEMBERED;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("kubeward-image-scan"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("kubeward-image-scan-timeout"));
    private volatile boolean closed;

    public ImageScanner(ImageAnalyser analyser, PullSecrets pullSecrets, SbomSender sender, AnalysedDigests sent, int queueCapacity,
                        Duration imageTimeout, Duration retryFailedAfter, Clock clock) {
        this.analyser = analyser;
        this.pullSecrets = pullSecrets;
        this.sender = sender;
        this.sent = sent;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.imageTimeout = imageTimeout;
        this.retryFailedAfter = retryFailedAfter;
        this.clock = clock;
    }

    /** A scanner with the settings' scratch space and platform, already started; {@code sent} is the digest cache ({@link #CACHE_FILE}). */
    public static ImageScanner start(ImageScanSettings settings, ClusterCredential credential, PullSecrets pullSecrets, AnalysedDigests sent) {
        ImageAnalyser analyser = new ImageAnalyser(settings.workDir().resolve("scratch"), settings.limits(), settings.plainHttpRegistries());
        SbomSender sender = new SbomSender(settings.platform(), credential, Backoff.DEFAULT, Duration.ofMinutes(5), settings.allowPlainHttpPlatform());
        ImageScanner scanner = new ImageScanner(analyser, pullSecrets, sender, sent, settings.queueCapacity(), settings.imageTimeout(),
                settings.retryFailedAfter(), Clock.systemUTC());
        scanner.start();
        log.info("image analysis on: SBOMs to {}, {} digests already sent", settings.platform(), sent.size());
        return scanner;
    }

    public void start() {
        worker.execute(this::work);
    }

    /**
     * Queues an image unless its digest was sent, it is queued already, or it failed recently. Never blocks and
     * never touches the disk or the network: it runs on the snapshot thread.
     *
     * @return whether the image was queued
     */
    public boolean offer(ImageJob job) {
        String key = job.key();
        if (closed || (job.image().digest() != null && sent.contains(key)) || failedRecently(key) || !pending.add(key)) return false;
        if (queue.offer(job)) return true;
        pending.remove(key);
        log.debug("image analysis queue full; {} waits for a later snapshot", job.image());
        return false;
    }

    /** Nothing queued and nothing being analysed. */
    public boolean idle() {
        return pending.isEmpty();
    }

    private void work() {
        while (!closed) {
            ImageJob job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                continue; // close(): the loop condition ends the thread
            }
            analyse(job);
        }
    }

    private void analyse(ImageJob job) {
        Deadline deadline = new Deadline();
        try {
            Optional<ImageAnalyser.Analysed> analysed = analyser.analyse(job.image(), pullSecrets.credentials(job.namespace(), job.pullSecrets()),
                    sent::contains);
            if (analysed.isPresent()) {
                sender.send(analysed.get().digest(), analysed.get().sbom());
                sent.remember(analysed.get().digest());
                log.info("image {} analysed: {} packages, SBOM sent", job.image(), analysed.get().packages());
            }
            synchronized (failedUntil) {
                failedUntil.remove(job.key());
            }
        } catch (RuntimeException e) {
            if (closed) {
                log.debug("image {} not analysed: the agent is stopping", job.image());
                return;
            }
            synchronized (failedUntil) {
                failedUntil.put(job.key(), clock.instant().plus(retryFailedAfter));
            }
            String why = deadline.expired() ? "took longer than " + imageTimeout + " (" + e.getMessage() + ")" : e.getMessage();
            log.warn("image {} not analysed: {}; next attempt in {} at the earliest", job.image(), why, retryFailedAfter);
            if (e instanceof PublishException p && p.permanent()) log.error("the platform refuses this agent's SBOMs; check the cluster id and secret");
        } finally {
            deadline.close();
            pending.remove(job.key());
        }
    }

    /** Interrupts the analysing thread once its image took {@code imageTimeout}; once closed, it never does. */
    private final class Deadline implements AutoCloseable {
        private final Thread thread = Thread.currentThread();
        private final ScheduledFuture<?> alarm;
        private boolean over;
        private boolean expired;

        Deadline() {
            alarm = watchdog.schedule(this::expire, imageTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void expire() {
            if (over) return;
            expired = true;
            thread.interrupt();
        }

        synchronized boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            synchronized (this) {
                over = true;
            }
            alarm.cancel(false);
            Thread.interrupted(); // an interrupt that came before close must not reach the next image
        }
    }

    private boolean failedRecently(String key) {
        synchronized (failedUntil) {
            Instant until = failedUntil.get(key);
            return until != null && clock.instant().isBefore(until);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        watchdog.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
