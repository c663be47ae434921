package dev.kubeward.engine.vuln.osv;

import java.util.List;

/** One OSV range: its type and events, in the order the record lists them. */
public record Range(Type type, List<Event> events) {

    public Range {
        events = List.copyOf(events);
    }

    public enum Type { ECOSYSTEM, SEMVER, GIT }

    /** One event; {@code kind} says what {@code version} means. */
    public record Event(Kind kind, String version) { }

    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }
}
