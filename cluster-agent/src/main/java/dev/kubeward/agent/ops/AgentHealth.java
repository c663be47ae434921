package dev.kubeward.agent.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Liveness and readiness of the agent. Live unless a snapshot has been running far longer than any healthy
 * one could (a hung connection the timeouts missed): then Kubernetes restarts the pod. Ready once the first
 * snapshot attempt has finished, whatever its outcome: an unreachable platform is retried, not a reason to
 * restart or to hold a rollout.
 */
public final class AgentHealth {

    private final Clock clock;
    private final Duration stuckAfter;
    private volatile Instant runningSince;
    private volatile boolean attempted;

    public AgentHealth(Clock clock, Duration stuckAfter) {
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    public void snapshotStarted() {
        runningSince = clock.instant();
    }

    public void snapshotFinished() {
        runningSince = null;
        attempted = true;
    }

    public boolean live() {
        Instant since = runningSince;
        return since == null || Duration.between(since, clock.instant()).compareTo(stuckAfter) < 0;
    }

    public boolean ready() {
        return attempted && live();
    }
}
