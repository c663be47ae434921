package dev.kubeward.engine.vuln;

import dev.kubeward.engine.vuln.version.ApkVersionScheme;
import dev.kubeward.engine.vuln.version.DpkgVersionScheme;
import dev.kubeward.engine.vuln.version.GoVersionScheme;
import dev.kubeward.engine.vuln.version.MavenVersionScheme;
import dev.kubeward.engine.vuln.version.NpmVersionScheme;
import dev.kubeward.engine.vuln.version.Pep440VersionScheme;
import dev.kubeward.engine.vuln.version.RpmVersionScheme;
import dev.kubeward.engine.vuln.version.VersionScheme;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The package ecosystems we match, with their OSV names and version ordering. */
public enum Ecosystem {
    DEBIAN("Debian", new DpkgVersionScheme()),
    UBUNTU("Ubuntu", new DpkgVersionScheme()),
    ALPINE("Alpine", new ApkVersionScheme()),
    RED_HAT("Red Hat", new RpmVersionScheme()),
    MAVEN("Maven", new MavenVersionScheme()),
    NPM("npm", new NpmVersionScheme()),
    PYPI("PyPI", new Pep440VersionScheme()),
    GO("Go", new GoVersionScheme());

    private static final Pattern PEP503 = Pattern.compile("[-_.]+");

    private final String osvName;
    private final VersionScheme scheme;

    Ecosystem(String osvName, VersionScheme scheme) {
        this.osvName = osvName;
        this.scheme = scheme;
    }

    /** The name OSV uses, before any {@code :release} suffix, e.g. {@code Red Hat}. */
    public String osvName() {
        return osvName;
    }

    public VersionScheme scheme() {
        return scheme;
    }

    /** Whether packages come from a distribution release, so that advisories are per release. */
    public boolean isDistro() {
        return this == DEBIAN || this == UBUNTU || this == ALPINE || this == RED_HAT;
    }

    /** The ecosystem of an OSV ecosystem string such as {@code Debian:12} or {@code Alpine:v3.18}. */
    public static Optional<Ecosystem> fromOsv(String osv) {
        if (osv == null) {
            return Optional.empty();
        }
        int colon = osv.indexOf(':');
        String base = colon < 0 ? osv : osv.substring(0, colon);
        for (Ecosystem e : values()) {
            if (e.osvName.equalsIgnoreCase(base.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The name under which advisories and packages meet: PEP 503 for PyPI ({@code Django_REST.x} becomes
     * {@code django-rest-x}); Maven is {@code group:artifact}; npm keeps its {@code @scope/}; others as given.
     */
    public String normalizeName(String name) {
        String n = name.strip();
        return switch (this) {
            case PYPI -> PEP503.matcher(n).replaceAll("-").toLowerCase(Locale.ROOT);
            case NPM -> n.toLowerCase(Locale.ROOT);
            default -> n;
        };
    }

    /**
     * The distribution release from an OSV ecosystem suffix or a purl {@code distro} qualifier, reduced to the part
     * both sides share: {@code Debian:12} and {@code debian-12} give {@code 12}, {@code Alpine:v3.18} and
     * {@code 3.18.4} give {@code 3.18}, {@code Red Hat:enterprise_linux:9::appstream} and {@code rhel-9.2} give
     * {@code 9}. Empty when unknown, which matches every release.
     */
    public String normalizeRelease(String release) {
        if (release == null || release.isBlank() || !isDistro()) {
            return "";
        }
        String r = release.strip().toLowerCase(Locale.ROOT);
        return switch (this) {
            case DEBIAN -> debianRelease(r.replaceFirst("^debian-", ""));
            case UBUNTU -> firstMatch(r, "(\\d+\\.\\d+)");
            case ALPINE -> firstMatch(r, "(\\d+\\.\\d+)");
            case RED_HAT -> firstMatch(r.replaceFirst("^enterprise_linux:", ""), "(\\d+)");
            default -> "";
        };
    }

    private static String debianRelease(String r) {
        return switch (r) {
            case "buster" -> "10";
            case "bullseye" -> "11";
            case "bookworm" -> "12";
            case "trixie" -> "13";
            default -> firstMatch(r, "(\\d+)");
        };
    }

    private static String firstMatch(String s, String regex) {
        var m = Pattern.compile(regex).matcher(s);
        return m.find() ? m.group(1) : "";
    }
}
