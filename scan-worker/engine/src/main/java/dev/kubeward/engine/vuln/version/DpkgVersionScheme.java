package dev.kubeward.engine.vuln.version;

/**
 * Debian (dpkg) ordering, as in dpkg's {@code verrevcmp}: {@code [epoch:]upstream[-revision]}; non-digit runs compare
 * with letters before non-letters and {@code ~} before everything, even the end of the string.
 */
public final class DpkgVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public ParsedVersion parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                throw new InvalidVersionException(name(), text, "embedded space");
            }
        }
        long epoch = 0;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(c -> c >= '0' && c <= '9') || e.length() > 9) {
                throw new InvalidVersionException(name(), text, "bad epoch");
            }
            epoch = Long.parseLong(e);
            s = s.substring(colon + 1);
        }
        String upstream = s;
        String revision = "";
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            upstream = s.substring(0, dash);
            revision = s.substring(dash + 1);
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty upstream version");
        }
        // NB: dpkg only warns on these, but a version that dpkg would not install never matches an advisory anyway.
        if (!isDigit(upstream.charAt(0))) {
            throw new InvalidVersionException(name(), text, "upstream version must start with a digit");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char c = upstream.charAt(i);
            if (!(isAlnum(c) || ".-+~:".indexOf(c) >= 0)) {
                throw new InvalidVersionException(name(), text, "invalid character in upstream version");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (!(isAlnum(c) || ".+~".indexOf(c) >= 0)) {
                throw new InvalidVersionException(name(), text, "invalid character in revision");
            }
        }
        return new Dpkg(text, epoch, upstream, revision);
    }

    private record Dpkg(String text, long epoch, String upstream, String revision) implements ParsedVersion {
        @Override
        public int compareTo(ParsedVersion o) {
            Dpkg other = (Dpkg) o;
            int c = Long.compare(epoch, other.epoch);
            if (c != 0) {
                return c;
            }
            c = verrevcmp(upstream, other.upstream);
            return c != 0 ? c : verrevcmp(revision, other.revision);
        }
    }

    private static int order(int c) {
        if (isDigit(c)) {
            return 0;
        }
        if (isAlpha(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i)))
                    || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(i < a.length() ? a.charAt(i) : 0);
                int bc = order(j < b.length() ? b.charAt(j) : 0);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(int c) {
        return isDigit(c) || isAlpha(c);
    }
}
