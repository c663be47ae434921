package dev.kubeward.agent.image.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of an image the analysers read; every other file of a layer is skipped unread. Paths are relative
 * to the image root, without a leading {@code /} or {@code ./}.
 *
 * <p>Two kinds: the distribution's package databases and {@code os-release} are extracted to disk and read
 * once the last layer is applied, because their purls need the distribution (which may come in any layer) and
 * the rpm database is an sqlite file. Language packages are {@linkplain #parse parsed} while the layer streams
 * past, so a 200 MB jar is never stored.
 */
public enum PackageFile {
    OS_RELEASE(false, Long.MAX_VALUE),
    DPKG_STATUS(false, Long.MAX_VALUE),
    DPKG_STATUS_D(false, Long.MAX_VALUE),
    APK_INSTALLED(false, Long.MAX_VALUE),
    RPM_SQLITE(false, Long.MAX_VALUE),
    JAR(true, Long.MAX_VALUE),
    NPM_LOCKFILE(true, Long.MAX_VALUE),
    // read whole (a JSON tree, a header block): no manifest anyone wrote is larger
    NPM_PACKAGE_JSON(true, 1024 * 1024),
    PYTHON_METADATA(true, 1024 * 1024);

    private static final Set<String> OS_RELEASE_PATHS = Set.of("etc/os-release", "usr/lib/os-release");
    /** RHEL 9 and Fedora keep the database under /usr, with /var/lib/rpm a symbolic link to it. */
    private static final Set<String> RPM_SQLITE_PATHS = Set.of("var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite");
    private static final String DPKG_STATUS_D_DIR = "var/lib/dpkg/status.d/";
    private static final Pattern NPM_PACKAGE_JSON_PATH = Pattern.compile("(?:^|.*/)node_modules/(?:@[^/]+/)?[^/@][^/]*/package\\.json");
    private static final Pattern PYTHON_METADATA_PATH = Pattern.compile("(?:^|.*/)[^/]+\\.dist-info/METADATA");

    private final boolean parsedInStream;
    private final long maxBytes;

    PackageFile(boolean parsedInStream, long maxBytes) {
        this.parsedInStream = parsedInStream;
        this.maxBytes = maxBytes;
    }

    /** What {@code path} is to the analysers, if anything. */
    public static Optional<PackageFile> of(String path) {
        if (OS_RELEASE_PATHS.contains(path)) return Optional.of(OS_RELEASE);
        if (path.equals("var/lib/dpkg/status")) return Optional.of(DPKG_STATUS);
        if (path.startsWith(DPKG_STATUS_D_DIR) && path.indexOf('/', DPKG_STATUS_D_DIR.length()) < 0 && !path.endsWith(".md5sums")
                && path.length() > DPKG_STATUS_D_DIR.length()) {
            return Optional.of(DPKG_STATUS_D);
        }
        if (path.equals("lib/apk/db/installed")) return Optional.of(APK_INSTALLED);
        if (RPM_SQLITE_PATHS.contains(path)) return Optional.of(RPM_SQLITE);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear")) return Optional.of(JAR);
        if (path.equals("package-lock.json") || path.endsWith("/package-lock.json")) return Optional.of(NPM_LOCKFILE);
        if (path.endsWith("/package.json") && NPM_PACKAGE_JSON_PATH.matcher(path).matches()) return Optional.of(NPM_PACKAGE_JSON);
        if (path.endsWith("/METADATA") && PYTHON_METADATA_PATH.matcher(path).matches()) return Optional.of(PYTHON_METADATA);
        return Optional.empty();
    }

    /** Parsed while the layer streams (language packages), or extracted for after the last layer (distribution files). */
    public boolean parsedInStream() {
        return parsedInStream;
    }

    /** The largest file of this kind worth reading, whatever the configured limits allow. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The packages of a file {@linkplain #parsedInStream() parsed in stream}; reads {@code in} without closing it.
     *
     * @throws IOException when the file is malformed
     */
    public List<Package> parse(String path, InputStream in) throws IOException {
        return switch (this) {
            case JAR -> JarPackages.scan(in, path);
            case NPM_LOCKFILE -> NpmPackages.fromLockfile(in, path);
            case NPM_PACKAGE_JSON -> NpmPackages.fromPackageJson(in, path);
            case PYTHON_METADATA -> PythonPackages.fromMetadata(in, path);
            default -> throw new IllegalStateException(this + " is extracted, not parsed in stream");
        };
    }
}
