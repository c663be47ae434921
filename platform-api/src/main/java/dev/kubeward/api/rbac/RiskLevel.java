package dev.kubeward.api.rbac;

/** How dangerous a permission, binding, role or subject is; the graph colours nodes by it. */
public enum RiskLevel {
    NONE, LOW, MEDIUM, HIGH, CRITICAL;

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public String id() {
        return name().toLowerCase();
    }

    /** Parses {@code high}, {@code HIGH}; null or blank is {@link #NONE}. */
    public static RiskLevel parse(String s) {
        if (s == null || s.isBlank()) return NONE;
        try {
            return valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new RbacBadRequest("risk must be one of none, low, medium, high, critical");
        }
    }
}
