package dev.kubeward.engine.vuln;

/**
 * An installed package as matching sees it: ecosystem, name (as the ecosystem spells it; normalised on lookup),
 * version, and for distribution packages the release it was built for ({@code ""} when unknown).
 */
public record PackageRef(Ecosystem ecosystem, String name, String version, String release) {

    public PackageRef {
        release = release == null ? "" : ecosystem.normalizeRelease(release);
    }

    public static PackageRef of(Ecosystem ecosystem, String name, String version) {
        return new PackageRef(ecosystem, name, version, "");
    }
}
