package dev.kubeward.api.vuln;

/**
 * One container of one workload running one image.
 *
 * @param image   the digest when known, else the reference: the key images are grouped by
 * @param digest  {@code sha256:…} from the pod's {@code containerStatuses[].imageID} or a pinned reference; null when unresolved
 */
public record ImageUse(String image, String digest, String reference, String apiVersion, String kind, String namespace, String name,
                       String container) {
}
