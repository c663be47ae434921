package dev.kubeward.engine.vuln.version;

/** Thrown when a string is not a valid version in a given scheme. */
public class InvalidVersionException extends IllegalArgumentException {

    public InvalidVersionException(String scheme, String text, String why) {
        super(scheme + " version '" + text + "' is invalid: " + why);
    }
}
