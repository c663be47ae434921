package dev.kubeward.engine.vuln.osv;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import dev.kubeward.engine.vuln.version.InvalidVersionException;
import dev.kubeward.engine.vuln.version.NpmVersionScheme;
import dev.kubeward.engine.vuln.version.ParsedVersion;
import dev.kubeward.engine.vuln.version.VersionScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advisories keyed by (ecosystem, normalised package name), with every range parsed up front, so matching a package
 * is one hash lookup and a few comparisons. Immutable once built; safe to share between threads.
 */
public final class AdvisoryIndex {

    private static final VersionScheme SEMVER = new NpmVersionScheme();

    private record Key(Ecosystem ecosystem, String name) { }

    private record Entry(Advisory advisory, String release, Set<String> versions, List<CompiledRange> ranges,
                         Ecosystem ecosystem) { }

    private final Map<Key, List<Entry>> entries;
    private final int advisoryCount;
    private final int skippedRanges;

    private AdvisoryIndex(Map<Key, List<Entry>> entries, int advisoryCount, int skippedRanges) {
        this.entries = entries;
        this.advisoryCount = advisoryCount;
        this.skippedRanges = skippedRanges;
    }

    /** Builds the index. Ranges whose versions do not parse in their scheme are skipped and counted. */
    public static AdvisoryIndex build(Collection<Advisory> advisories) {
        Map<Key, List<Entry>> map = new HashMap<>();
        int skipped = 0;
        for (Advisory advisory : advisories) {
            for (AffectedPackage a : advisory.affected()) {
                List<CompiledRange> ranges = new ArrayList<>(a.ranges().size());
                for (Range r : a.ranges()) {
                    if (r.type() == Range.Type.GIT) {
                        continue; // NB: commit ranges need the repository; OSV also lists their versions[].
                    }
                    try {
                        ranges.add(CompiledRange.compile(r, scheme(a.ecosystem(), r.type())));
                    } catch (InvalidVersionException e) {
                        skipped++;
                    }
                }
                Key key = new Key(a.ecosystem(), a.ecosystem().normalizeName(a.name()));
                map.computeIfAbsent(key, k -> new ArrayList<>(2))
                        .add(new Entry(advisory, a.release(), new HashSet<>(a.versions()), ranges, a.ecosystem()));
            }
        }
        return new AdvisoryIndex(map, advisories.size(), skipped);
    }

    private static VersionScheme scheme(Ecosystem ecosystem, Range.Type type) {
        boolean semverNative = ecosystem == Ecosystem.NPM || ecosystem == Ecosystem.GO;
        return type == Range.Type.SEMVER && !semverNative ? SEMVER : ecosystem.scheme();
    }

    public int advisoryCount() {
        return advisoryCount;
    }

    /** Ranges left out because an event version did not parse in the ecosystem's scheme. */
    public int skippedRanges() {
        return skippedRanges;
    }

    /**
     * The advisories affecting a package, one match per advisory, each with the first fixed version above the
     * installed one. For distribution packages an advisory for another release does not match; an unknown release
     * on either side matches all.
     */
    public List<Match> match(PackageRef pkg) {
        List<Entry> candidates = entries.get(new Key(pkg.ecosystem(), pkg.ecosystem().normalizeName(pkg.name())));
        if (candidates == null) {
            return List.of();
        }
        ParsedVersion own = parseOrNull(pkg.ecosystem().scheme(), pkg.version());
        Map<String, Match> found = new LinkedHashMap<>();
        for (Entry e : candidates) {
            if (found.containsKey(e.advisory.id())
                    || (!e.release.isEmpty() && !pkg.release().isEmpty() && !e.release.equals(pkg.release()))) {
                continue;
            }
            String fix = e.versions.contains(pkg.version()) ? "" : null;
            for (CompiledRange r : e.ranges) {
                ParsedVersion v = r.scheme() == pkg.ecosystem().scheme() ? own : parseOrNull(r.scheme(), pkg.version());
                String rangeFix = v == null ? null : r.evaluate(v);
                if (rangeFix != null && (fix == null || fix.isEmpty())) {
                    fix = rangeFix;
                }
            }
            if (fix != null) {
                found.put(e.advisory.id(), new Match(pkg, e.advisory, fix.isEmpty() ? null : fix));
            }
        }
        return List.copyOf(found.values());
    }

    private static ParsedVersion parseOrNull(VersionScheme scheme, String version) {
        try {
            return version == null ? null : scheme.parse(version);
        } catch (InvalidVersionException e) {
            return null;
        }
    }
}
