package dev.kubeward.engine.custom;

/**
 * How much work a custom control may do. {@code estimated} bounds the static estimate made on save (see
 * {@link CostEstimator}); {@code runtime} bounds the expression nodes evaluated on one object, so an expression
 * whose lists are far larger than estimated still stops — the object is then skipped, never the scan stalled.
 * The runtime unit is one evaluated node, plus the size of every list, map or string a {@code +} builds.
 */
public record CostLimits(long estimated, long runtime) {

    /**
     * Nested comprehensions over assumed 100-element lists: two levels fit, three do not. At ~0.1-1 µs per node
     * the runtime limit caps one object at tens of milliseconds even on a loaded machine.
     */
    public static final CostLimits DEFAULTS = new CostLimits(1_000_000, 100_000);

    public CostLimits {
        if (estimated <= 0 || runtime <= 0) throw new IllegalArgumentException("cost limits must be positive");
    }
}
