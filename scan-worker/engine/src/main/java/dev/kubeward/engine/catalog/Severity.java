package dev.kubeward.engine.catalog;

/** Severity bands from Kubescape's baseScore: ≥9 critical, ≥7 high, ≥4 medium, else low. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity fromBaseScore(double baseScore) {
        if (baseScore >= 9) return CRITICAL;
        if (baseScore >= 7) return HIGH;
        if (baseScore >= 4) return MEDIUM;
        return LOW;
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase());
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
