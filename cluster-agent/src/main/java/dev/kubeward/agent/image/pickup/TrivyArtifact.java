package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.image.registry.ImageReference;

import static dev.kubeward.agent.image.pickup.JsonShape.WHOLE;

/**
 * The image a Trivy Operator report is about: {@code report.registry.server} and {@code report.artifact}
 * ({@code repository}, {@code tag}, {@code digest}), the same in every report kind (trivy-operator
 * {@code pkg/apis/aquasecurity/v1alpha1/vulnerability_types.go}, types {@code Registry} and {@code Artifact}).
 */
final class TrivyArtifact {

    static final JsonShape ARTIFACT = JsonShape.of("repository", WHOLE, "digest", WHOLE);
    static final JsonShape REGISTRY = JsonShape.of("server", WHOLE);

    private TrivyArtifact() {
    }

    /** {@code registry/repository} as the agent names images ({@code index.docker.io} is Docker Hub, {@code docker.io}). */
    static String imageName(JsonNode report) {
        String repository = report.path("artifact").path("repository").asText("");
        if (repository.isBlank()) throw new MalformedReport("no image repository (report.artifact.repository)");
        String server = report.path("registry").path("server").asText("");
        String reference = server.isBlank() ? repository : server + "/" + repository;
        try {
            return ImageReference.parse(reference).name();
        } catch (IllegalArgumentException e) {
            return reference; // the name is for people; the digest is what the platform keys by
        }
    }

    /** {@code report.artifact.digest}: set when the workload names its image by digest, or from the pod's image id. */
    static String digest(JsonNode report) {
        return ImageDigest.in(report.path("artifact").path("digest").asText(null));
    }
}
