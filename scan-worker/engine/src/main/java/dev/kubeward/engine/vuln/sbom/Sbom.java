package dev.kubeward.engine.vuln.sbom;

import dev.kubeward.engine.vuln.PackageRef;
import java.util.List;
import java.util.Optional;

/**
 * An image's packages, whichever format they came in.
 *
 * @param format        {@code CycloneDX 1.5}, {@code SPDX-2.3}, ...
 * @param imageDigest   the image digest ({@code sha256:...}) the SBOM names, or null; uploads also pass it explicitly
 */
public record Sbom(String format, String imageDigest, List<Component> components) {

    public Sbom {
        components = List.copyOf(components);
    }

    public Optional<String> digest() {
        return Optional.ofNullable(imageDigest);
    }

    /** The distinct packages that can be matched against advisories. */
    public List<PackageRef> packages() {
        return components.stream().map(Component::pkg).filter(p -> p != null).distinct().toList();
    }
}
