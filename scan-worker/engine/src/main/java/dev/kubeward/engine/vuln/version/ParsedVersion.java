package dev.kubeward.engine.vuln.version;

/**
 * A version parsed once by its {@link VersionScheme}, so that matching compares keys rather than strings.
 * Only versions of the same scheme are comparable; mixing schemes is a programming error.
 */
public interface ParsedVersion extends Comparable<ParsedVersion> {

    /** The text this version was parsed from. */
    String text();
}
