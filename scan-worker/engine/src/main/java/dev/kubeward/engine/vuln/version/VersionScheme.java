package dev.kubeward.engine.vuln.version;

/** One ecosystem's version ordering. Implementations are stateless and thread-safe. */
public interface VersionScheme {

    /** A short stable name, e.g. {@code dpkg}. */
    String name();

    /**
     * Parses a version.
     *
     * @throws InvalidVersionException when the text is not a version of this scheme
     */
    ParsedVersion parse(String text);

    /** Compares two version strings: negative, zero or positive like {@link Comparable}. */
    default int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }
}
