package dev.kubeward.engine.vuln.version;

/**
 * RPM ordering: {@code [epoch:]version[-release]}, each part compared with {@link #rpmvercmp}, rpm's segment
 * comparison with {@code ~} sorting before and {@code ^} after the base version.
 */
public final class RpmVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public ParsedVersion parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty");
        }
        long epoch = 0;
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).chars().allMatch(DpkgVersionScheme::isDigit) && colon <= 9) {
            epoch = Long.parseLong(s.substring(0, colon));
            s = s.substring(colon + 1);
        }
        String version = s;
        String release = "";
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            version = s.substring(0, dash);
            release = s.substring(dash + 1);
        }
        return new Evr(text, epoch, version, release);
    }

    private record Evr(String text, long epoch, String version, String release) implements ParsedVersion {
        @Override
        public int compareTo(ParsedVersion o) {
            Evr other = (Evr) o;
            int c = Long.compare(epoch, other.epoch);
            if (c == 0) {
                c = rpmvercmp(version, other.version);
            }
            // NB: rpm ignores a missing release when only one side has one; OSV Red Hat events always carry one.
            if (c == 0 && !release.isEmpty() && !other.release.isEmpty()) {
                c = rpmvercmp(release, other.release);
            }
            return c;
        }
    }

    /** rpm's {@code rpmvercmp}: -1, 0 or 1. */
    public static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la || j < lb) {
            while (i < la && !DpkgVersionScheme.isAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < lb && !DpkgVersionScheme.isAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < la ? a.charAt(i) : 0;
            char cb = j < lb ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            int ei = i;
            int ej = j;
            boolean numeric = DpkgVersionScheme.isDigit(ca);
            if (numeric) {
                while (ei < la && DpkgVersionScheme.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < lb && DpkgVersionScheme.isDigit(b.charAt(ej))) {
                    ej++;
                }
            } else {
                while (ei < la && DpkgVersionScheme.isAlpha(a.charAt(ei))) {
                    ei++;
                }
                while (ej < lb && DpkgVersionScheme.isAlpha(b.charAt(ej))) {
                    ej++;
                }
            }
            if (ej == j) {
                return numeric ? 1 : -1;
            }
            String sa = a.substring(i, ei);
            String sb = b.substring(j, ej);
            if (numeric) {
                sa = stripZeros(sa);
                sb = stripZeros(sb);
                if (sa.length() != sb.length()) {
                    return sa.length() > sb.length() ? 1 : -1;
                }
            }
            int rc = sa.compareTo(sb);
            if (rc != 0) {
                return rc < 0 ? -1 : 1;
            }
            i = ei;
            j = ej;
        }
        if (i >= la && j >= lb) {
            return 0;
        }
        return i >= la ? -1 : 1;
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }
}
