package dev.kubeward.api.compliance;

import java.util.Collection;
import java.util.Objects;

/** Rounding and means of scores, in one place so every page rounds alike. */
public final class Scores {

    private Scores() {
    }

    /** Two decimals, as the worker stores scores; null stays null. */
    public static Double round(Double v) {
        return v == null ? null : Math.round(v * 100.0) / 100.0;
    }

    public static Double mean(Collection<Double> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }
}
