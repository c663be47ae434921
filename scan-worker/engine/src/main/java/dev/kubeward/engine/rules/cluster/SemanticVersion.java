package dev.kubeward.engine.rules.cluster;

import java.util.Comparator;
import java.util.Optional;

/**
 * A release version compared by its numbers, as Kubernetes versions must be: {@code v1.9.0} is older than
 * {@code v1.19.14}, which a string comparison gets wrong. Accepts what nodes and images report —
 * {@code v1.27.3-eks-4f4795d}, {@code v1.20.7+k3s1}, {@code 1.28}, {@code v0.49.0} — and ignores the suffix.
 */
record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch);

    static SemanticVersion of(int major, int minor, int patch) {
        return new SemanticVersion(major, minor, patch);
    }

    /** The version at the start of the text; empty when it does not start with at least major.minor. */
    static Optional<SemanticVersion> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        int end = 0;
        while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) end++;
        String[] parts = s.substring(0, end).split("\\.");
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) return Optional.empty();
        try {
            int patch = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
            return Optional.of(new SemanticVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), patch));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isBefore(SemanticVersion other) {
        return compareTo(other) < 0;
    }

    /** Within {@code [from, to]}, both ends included. */
    boolean between(SemanticVersion from, SemanticVersion to) {
        return compareTo(from) >= 0 && compareTo(to) <= 0;
    }

    @Override
    public int compareTo(SemanticVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
