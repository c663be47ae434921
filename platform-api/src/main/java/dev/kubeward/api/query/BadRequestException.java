package dev.kubeward.api.query;

/** A request parameter the query services cannot use (unknown framework, bad cursor, size out of range...). */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
