package dev.kubeward.agent.image.pickup;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code sha256:} digest a report names, as text, as an image reference, or percent-encoded in a purl. */
final class ImageDigest {

    private static final Pattern DIGEST = Pattern.compile("sha256(?::|%3A)([0-9a-f]{64})", Pattern.CASE_INSENSITIVE);

    private ImageDigest() {
    }

    /** The first digest in the candidates (nulls allowed), lower-case; null when none names one. */
    static String in(String... candidates) {
        for (String c : candidates) {
            if (c == null) continue;
            Matcher m = DIGEST.matcher(c);
            if (m.find()) return "sha256:" + m.group(1).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * The repository digest of {@code repo@sha256:…}; null for anything else. A bare {@code sha256:…} image id is
     * what Docker reports for its local image config, not a manifest a registry or the platform knows.
     */
    static String ofReference(String reference) {
        if (reference == null) return null;
        int at = reference.indexOf('@');
        return at < 0 ? null : in(reference.substring(at + 1));
    }
}
