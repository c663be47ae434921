package dev.kubeward.engine.vuln.version;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go module versions, as {@code golang.org/x/mod/semver}: {@code vMAJOR[.MINOR[.PATCH[-pre][+build]]]}, where
 * {@code +incompatible} is build metadata and so ignored. OSV writes Go versions without the {@code v}; it is added.
 * Invalid versions sort below every valid one and equal to each other, as in Go.
 */
public final class GoVersionScheme implements VersionScheme {

    private static final String NUM = "(0|[1-9][0-9]*)";
    private static final String IDENT = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern FULL = Pattern.compile("v" + NUM + "\\." + NUM + "\\." + NUM
            + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    private static final Pattern SHORT = Pattern.compile("v" + NUM + "(?:\\." + NUM + ")?");

    @Override
    public String name() {
        return "go";
    }

    @Override
    public ParsedVersion parse(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.startsWith("v")) {
            s = "v" + s;
        }
        Matcher m = FULL.matcher(s);
        if (m.matches()) {
            List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
            return new Go(text, new SemVer(text, new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                    new BigInteger(m.group(3)), pre));
        }
        m = SHORT.matcher(s);
        if (m.matches()) {
            BigInteger minor = m.group(2) == null ? BigInteger.ZERO : new BigInteger(m.group(2));
            return new Go(text, new SemVer(text, new BigInteger(m.group(1)), minor, BigInteger.ZERO, List.of()));
        }
        return new Go(text, null);
    }

    /** A Go version; {@code semver} is null when the text is not valid, which Go still orders (lowest). */
    private record Go(String text, SemVer semver) implements ParsedVersion {
        @Override
        public int compareTo(ParsedVersion o) {
            Go other = (Go) o;
            if (semver == null || other.semver == null) {
                return Boolean.compare(semver != null, other.semver != null);
            }
            return semver.compareTo(other.semver);
        }
    }
}
