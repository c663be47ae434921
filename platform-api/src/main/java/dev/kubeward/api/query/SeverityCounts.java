package dev.kubeward.api.query;

/** Open findings by severity. */
public record SeverityCounts(int critical, int high, int medium, int low) {

    public static final SeverityCounts ZERO = new SeverityCounts(0, 0, 0, 0);

    public int total() {
        return critical + high + medium + low;
    }

    public SeverityCounts plus(SeverityCounts o) {
        return new SeverityCounts(critical + o.critical, high + o.high, medium + o.medium, low + o.low);
    }
}
