package dev.kubeward.agent.image;

import dev.kubeward.agent.image.registry.ImageReference;

import java.util.List;

/**
 * An image a pod runs, to be analysed: the reference (with the digest the pod reports, when it runs), and
 * where its pull secrets are.
 *
 * @param pullSecrets names of the pod's {@code imagePullSecrets}, in {@code namespace}
 */
public record ImageJob(ImageReference image, String namespace, List<String> pullSecrets) {

    public ImageJob {
        pullSecrets = List.copyOf(pullSecrets);
    }

    /** What the same image in other pods shares: the digest, which names the content in any registry; the reference until one is known. */
    public String key() {
        return image.digest() != null ? image.digest() : image.toString();
    }
}
