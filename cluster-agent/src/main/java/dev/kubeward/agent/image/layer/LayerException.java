package dev.kubeward.agent.image.layer;

/**
 * A layer could not be read: over a size limit, not valid gzip or tar, its digest not the one the manifest
 * names, or the connection broke. The image is not analysed; nothing partial is sent.
 */
public class LayerException extends RuntimeException {

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
