package dev.kubeward.engine.vuln.osv;

import dev.kubeward.engine.vuln.PackageRef;
import java.util.Optional;

/**
 * A package affected by an advisory.
 *
 * @param fixedVersion the first fixed version above the installed one, or null when no fix is published
 */
public record Match(PackageRef pkg, Advisory advisory, String fixedVersion) {

    public Optional<String> fix() {
        return Optional.ofNullable(fixedVersion);
    }
}
