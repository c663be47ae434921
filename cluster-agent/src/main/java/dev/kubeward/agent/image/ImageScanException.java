package dev.kubeward.agent.image;

/** An image's packages could not be read although its layers could (an unreadable package database). */
public class ImageScanException extends RuntimeException {

    public ImageScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
