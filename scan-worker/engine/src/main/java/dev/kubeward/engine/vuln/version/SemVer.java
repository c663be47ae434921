package dev.kubeward.engine.vuln.version;

import java.math.BigInteger;
import java.util.List;

/**
 * A parsed Semantic Version 2.0.0: precedence by major, minor, patch, then pre-release identifiers (numeric below
 * alphanumeric, a release above its pre-releases); build metadata never takes part.
 */
record SemVer(String text, BigInteger major, BigInteger minor, BigInteger patch, List<String> pre)
        implements ParsedVersion {

    @Override
    public int compareTo(ParsedVersion o) {
        SemVer other = (SemVer) o;
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        return c != 0 ? c : comparePre(pre, other.pre);
    }

    static int comparePre(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean na = isNumeric(a);
        boolean nb = isNumeric(b);
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(DpkgVersionScheme::isDigit);
    }
}
