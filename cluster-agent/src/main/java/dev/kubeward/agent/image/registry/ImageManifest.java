package dev.kubeward.agent.image.registry;

import java.util.List;

/**
 * The image manifest of one platform, as resolved from a reference.
 *
 * @param digest         the digest the reference resolved to: the index's digest for a multi-platform image, as
 *                       Kubernetes reports it in a pod's {@code imageID}, so the platform can match the SBOM to the pod
 * @param manifestDigest the digest of the platform's own image manifest (equals {@code digest} for a single-platform image)
 * @param platform       {@code os/architecture[/variant]} chosen from an index, or null when the image has no index
 * @param layers         bottom layer first
 */
public record ImageManifest(String digest, String manifestDigest, String platform, List<Descriptor> layers) {

    public ImageManifest {
        layers = List.copyOf(layers);
    }
}
