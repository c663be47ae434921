package dev.kubeward.engine.vuln.sbom;

import dev.kubeward.engine.vuln.PackageRef;
import java.util.Optional;

/**
 * One SBOM component.
 *
 * @param purl    null when the SBOM gave none or it did not parse
 * @param pkg     what matching uses, null when the purl type or namespace is not one we match
 */
public record Component(String name, String version, PackageUrl purl, PackageRef pkg) {

    public Optional<PackageRef> matchable() {
        return Optional.ofNullable(pkg);
    }
}
