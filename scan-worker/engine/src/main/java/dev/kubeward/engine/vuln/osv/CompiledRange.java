package dev.kubeward.engine.vuln.osv;

import dev.kubeward.engine.vuln.version.ParsedVersion;
import dev.kubeward.engine.vuln.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range with its event versions parsed and sorted once, evaluated as the OSV specification describes: walking the
 * sorted events, {@code introduced} opens, {@code fixed} (at or below the version) and {@code last_affected} (below
 * it) close.
 */
final class CompiledRange {

    /** A parsed event; {@code version} is null for {@code introduced: "0"}, which is below everything. */
    private record Point(Range.Kind kind, ParsedVersion version) { }

    private static final Comparator<Point> ORDER = (a, b) -> {
        if (a.version == null || b.version == null) {
            return Boolean.compare(a.version != null, b.version != null);
        }
        return a.version.compareTo(b.version);
    };

    private final VersionScheme scheme;
    private final List<Point> points;

    private CompiledRange(VersionScheme scheme, List<Point> points) {
        this.scheme = scheme;
        this.points = points;
    }

    /** The scheme the installed version must be parsed in to be compared with this range. */
    VersionScheme scheme() {
        return scheme;
    }

    /** Compiles a range; throws {@code InvalidVersionException} when an event version does not parse. */
    static CompiledRange compile(Range range, VersionScheme scheme) {
        List<Point> points = new ArrayList<>();
        for (Range.Event e : range.events()) {
            if (e.kind() == Range.Kind.LIMIT) {
                continue;
            }
            boolean zero = e.kind() == Range.Kind.INTRODUCED && e.version().equals("0");
            points.add(new Point(e.kind(), zero ? null : scheme.parse(e.version())));
        }
        points.sort(ORDER);
        return new CompiledRange(scheme, List.copyOf(points));
    }

    /** The fixed version text if {@code v} is affected and a fix exists, {@code ""} if affected without fix, or null. */
    String evaluate(ParsedVersion v) {
        boolean affected = false;
        for (Point p : points) {
            switch (p.kind) {
                case INTRODUCED -> {
                    if (p.version == null || v.compareTo(p.version) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (v.compareTo(p.version) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (v.compareTo(p.version) > 0) {
                        affected = false;
                    }
                }
                default -> { }
            }
        }
        if (!affected) {
            return null;
        }
        for (Point p : points) {
            if (p.kind == Range.Kind.FIXED && v.compareTo(p.version) < 0) {
                return p.version.text();
            }
        }
        return "";
    }
}
