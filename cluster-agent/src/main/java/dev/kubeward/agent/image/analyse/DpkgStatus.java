package dev.kubeward.agent.image.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Debian and Ubuntu packages from {@code var/lib/dpkg/status} and distroless images' {@code var/lib/dpkg/status.d/*}
 * (one file per package, without a {@code Status} field: everything listed there is installed).
 *
 * <p>NB: Debian's advisories are per source package, so a {@code Source} that differs from the binary package
 * goes into the {@code upstream} qualifier ({@code name@version} when the source version differs too), which is
 * what the platform matches on.
 */
public final class DpkgStatus {

    private DpkgStatus() {
    }

    public static List<Package> parse(InputStream in, OsRelease os, String location) throws IOException {
        List<Package> out = new ArrayList<>();
        ControlParagraphs.read(in, p -> {
            String name = p.get("Package");
            String version = p.get("Version");
            if (name == null || version == null || !installed(p.get("Status"))) return;
            Map<String, String> qualifiers = new TreeMap<>();
            qualifiers.put("arch", p.get("Architecture"));
            qualifiers.put("distro", os.distro());
            qualifiers.put("upstream", upstream(name, version, p.get("Source")));
            out.add(new Package(name, version, new Purl("deb", os.namespace("deb"), name, version, qualifiers), location));
        });
        return out;
    }

    /** {@code install ok installed}: the last word is the state; config-files, half-installed and the like are not installed. */
    private static boolean installed(String status) {
        return status == null || status.endsWith(" installed");
    }

    /** {@code Source: openssl} or {@code Source: glibc (2.36-9+deb12u4)}; null when the source is the package itself. */
    private static String upstream(String name, String version, String source) {
        if (source == null || source.isBlank()) return null;
        String sourceName = source;
        String sourceVersion = version;
        int paren = source.indexOf('(');
        if (paren > 0 && source.endsWith(")")) {
            sourceName = source.substring(0, paren).strip();
            sourceVersion = source.substring(paren + 1, source.length() - 1).strip();
        }
        if (sourceVersion.equals(version)) return sourceName.equals(name) ? null : sourceName;
        return sourceName + "@" + sourceVersion;
    }
}
