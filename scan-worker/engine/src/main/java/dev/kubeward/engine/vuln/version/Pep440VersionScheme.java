package dev.kubeward.engine.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python (PEP 440) ordering, as {@code packaging.version}: epoch, release (trailing zeros ignored), dev-only releases
 * before pre-releases {@code a < b < rc}, then the release, post-releases, and local labels last.
 */
public final class Pep440VersionScheme implements VersionScheme {

    private static final Pattern VERSION = Pattern.compile("v?(?:(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)"
            + "([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?"
            + "((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?"
            + "([-_.]?(dev)[-_.]?([0-9]+)?)?)"
            + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "pep440";
    }

    @Override
    public Pep440 parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : stripUnicode(text));
        if (!m.matches()) {
            throw new InvalidVersionException(name(), text, "not a PEP 440 version");
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preLabel = null;
        BigInteger preNum = null;
        if (m.group(3) != null) {
            preLabel = switch (m.group(4).toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
            };
            preNum = number(m.group(5));
        }
        BigInteger post = null;
        if (m.group(6) != null) {
            post = m.group(7) != null ? new BigInteger(m.group(7)) : number(m.group(9));
        }
        BigInteger dev = m.group(10) != null ? number(m.group(12)) : null;
        List<String> local = m.group(13) == null ? null
                : List.of(m.group(13).toLowerCase(Locale.ROOT).split("[-_.]"));
        BigInteger epoch = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
        return new Pep440(text, epoch, List.copyOf(release), preLabel, preNum, post, dev, local);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** Python's {@code str.strip()} strips Unicode whitespace, including the no-break spaces Java keeps. */
    private static String stripUnicode(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A parsed PEP 440 version; {@link #normalized()} gives the canonical form. */
    public record Pep440(String text, BigInteger epoch, List<BigInteger> release, String preLabel, BigInteger preNum,
                         BigInteger post, BigInteger dev, List<String> local) implements ParsedVersion {

        @Override
        public int compareTo(ParsedVersion o) {
            Pep440 other = (Pep440) o;
            int c = epoch.compareTo(other.epoch);
            if (c == 0) {
                c = compareRelease(release, other.release);
            }
            if (c == 0) {
                c = Integer.compare(preRank(), other.preRank());
            }
            if (c == 0 && preLabel != null) {
                c = preNum.compareTo(other.preNum);
            }
            if (c == 0) {
                c = compareNullable(post, other.post, -1);
            }
            if (c == 0) {
                c = compareNullable(dev, other.dev, 1);
            }
            return c != 0 ? c : compareLocal(local, other.local);
        }

        /** Where the pre-release puts this version: dev-only releases lowest, then a, b, rc, then none. */
        private int preRank() {
            if (preLabel == null) {
                return post == null && dev != null ? -1 : 3;
            }
            return switch (preLabel) {
                case "a" -> 0;
                case "b" -> 1;
                default -> 2;
            };
        }

        /** Compares where a missing value counts as -infinity ({@code missing = -1}) or +infinity ({@code 1}). */
        private static int compareNullable(BigInteger a, BigInteger b, int missing) {
            if (a == null || b == null) {
                return a == null && b == null ? 0 : (a == null ? missing : -missing);
            }
            return a.compareTo(b);
        }

        private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
                BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private static int compareLocal(List<String> a, List<String> b) {
            if (a == null || b == null) {
                return a == null && b == null ? 0 : (a == null ? -1 : 1);
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String x = a.get(i);
                String y = b.get(i);
                boolean nx = SemVer.isNumeric(x);
                boolean ny = SemVer.isNumeric(y);
                int c = nx && ny ? new BigInteger(x).compareTo(new BigInteger(y))
                        : nx != ny ? (nx ? 1 : -1) : x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        /** The canonical form, e.g. {@code 1.0-ALPHA1} becomes {@code 1.0a1}. */
        public String normalized() {
            StringBuilder sb = new StringBuilder();
            if (epoch.signum() != 0) {
                sb.append(epoch).append('!');
            }
            sb.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
            if (preLabel != null) {
                sb.append(preLabel).append(preNum);
            }
            if (post != null) {
                sb.append(".post").append(post);
            }
            if (dev != null) {
                sb.append(".dev").append(dev);
            }
            if (local != null) {
                sb.append('+').append(String.join(".", local));
            }
            return sb.toString();
        }
    }
}
