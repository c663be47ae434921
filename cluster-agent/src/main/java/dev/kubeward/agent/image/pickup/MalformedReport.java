package dev.kubeward.agent.image.pickup;

/** A report that cannot become an SBOM (no image digest, components that are not a list, ...): skipped with the reason. */
final class MalformedReport extends RuntimeException {

    MalformedReport(String reason) {
        super(reason);
    }
}
