package dev.kubeward.engine.vuln.sbom;

import dev.kubeward.engine.vuln.Ecosystem;
import dev.kubeward.engine.vuln.PackageRef;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a purl to the package matching looks up. Distribution advisories are per source package, so a
 * {@code upstream} qualifier (syft writes {@code upstream=openssl} or {@code upstream=gcc-12@12.2.0-14}) names the
 * package instead of the binary name.
 */
public final class PurlPackages {

    private PurlPackages() {
    }

    public static Optional<PackageRef> toPackage(PackageUrl purl) {
        if (purl.version() == null || purl.version().isBlank()) {
            return Optional.empty();
        }
        String ns = purl.namespace() == null ? "" : purl.namespace().toLowerCase(Locale.ROOT);
        return switch (purl.type()) {
            case "deb" -> switch (ns) {
                case "debian" -> Optional.of(distro(Ecosystem.DEBIAN, purl, purl.version()));
                case "ubuntu" -> Optional.of(distro(Ecosystem.UBUNTU, purl, purl.version()));
                default -> Optional.empty();
            };
            case "apk" -> ns.equals("alpine") ? Optional.of(distro(Ecosystem.ALPINE, purl, purl.version()))
                    : Optional.empty();
            case "rpm" -> ns.equals("redhat") || ns.equals("rhel")
                    ? Optional.of(distro(Ecosystem.RED_HAT, purl, withEpoch(purl))) : Optional.empty();
            case "maven" -> purl.namespace() == null ? Optional.empty()
                    : Optional.of(PackageRef.of(Ecosystem.MAVEN, purl.namespace() + ":" + purl.name(), purl.version()));
            case "npm" -> Optional.of(PackageRef.of(Ecosystem.NPM,
                    purl.namespace() == null ? purl.name() : purl.namespace() + "/" + purl.name(), purl.version()));
            case "pypi" -> Optional.of(PackageRef.of(Ecosystem.PYPI, purl.name(), purl.version()));
            case "golang" -> Optional.of(PackageRef.of(Ecosystem.GO,
                    purl.namespace() == null ? purl.name() : purl.namespace() + "/" + purl.name(), purl.version()));
            default -> Optional.empty();
        };
    }

    private static PackageRef distro(Ecosystem ecosystem, PackageUrl purl, String version) {
        String name = purl.name();
        String upstream = purl.qualifier("upstream");
        if (upstream != null) {
            int at = upstream.indexOf('@');
            name = at < 0 ? upstream.strip() : upstream.substring(0, at).strip();
            if (at >= 0 && !upstream.substring(at + 1).isBlank()) {
                version = upstream.substring(at + 1).strip();
            }
            int space = name.indexOf(' ');
            if (space > 0) {
                name = name.substring(0, space); // dpkg style "gcc-12 (12.2.0-14)"
            }
        }
        return new PackageRef(ecosystem, name, version, purl.qualifier("distro"));
    }

    private static String withEpoch(PackageUrl purl) {
        String epoch = purl.qualifier("epoch");
        return epoch == null || epoch.equals("0") || purl.version().contains(":") ? purl.version()
                : epoch + ":" + purl.version();
    }
}
