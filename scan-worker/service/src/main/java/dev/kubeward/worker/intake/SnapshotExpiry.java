package dev.kubeward.worker.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Snapshots whose agent stopped half-way (a crash, a lost chunk that was dead-lettered) would otherwise
 * stay "receiving" forever and keep their chunks: they get status {@code expired} with the reason, which
 * the cluster page shows, and their chunks are deleted. Every worker runs this; the update is idempotent.
 */
public class SnapshotExpiry {

    private static final Logger log = LoggerFactory.getLogger(SnapshotExpiry.class);

    private final StagedChunks chunks;
    private final Duration timeout;

    public SnapshotExpiry(StagedChunks chunks, Duration timeout) {
        this.chunks = chunks;
        this.timeout = timeout;
    }

    @Scheduled(fixedDelayString = "${kubeward.worker.expiry-interval:1m}", initialDelayString = "${kubeward.worker.expiry-interval:1m}")
    public void expireIdleSnapshots() {
        try {
            int n = chunks.expireIdle(timeout);
            if (n > 0) log.info("expired {} snapshot(s) that received no chunk for {}", n, timeout);
        } catch (RuntimeException e) {
            // The next run tries again; a database outage must not kill the scheduler thread.
            log.warn("could not expire idle snapshots: {}", e.toString());
        }
    }
}
