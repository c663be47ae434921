package dev.kubeward.engine.vuln.version;

/**
 * Alpine (apk-tools) ordering: a token stream of numbers, a single letter, {@code _suffix[N]} (pre-release suffixes
 * {@code alpha beta pre rc} sort below the release, {@code cvs svn git hg p} above) and {@code -rN} revisions.
 * Ported from apk-tools' {@code version.c}; malformed input compares as far as it tokenises, like apk does.
 */
public final class ApkVersionScheme implements VersionScheme {

    private static final int INVALID = -1;
    private static final int DIGIT_OR_ZERO = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int REVISION_NO = 5;
    private static final int END = 6;

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public ParsedVersion parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty");
        }
        return new Apk(s);
    }

    private record Apk(String text) implements ParsedVersion {
        @Override
        public int compareTo(ParsedVersion o) {
            return compareStrings(text, ((Apk) o).text);
        }
    }

    /** A cursor over one version string: the current token type and position. */
    private static final class Cursor {
        final String s;
        int pos;
        int type = DIGIT;

        Cursor(String s) {
            this.s = s;
        }

        int remaining() {
            return s.length() - pos;
        }

        long token() {
            if (remaining() <= 0) {
                type = END;
                return 0;
            }
            long v = 0;
            int i = 0;
            int next = INVALID;
            switch (type) {
                case DIGIT_OR_ZERO:
                    if (s.charAt(pos) == '0') {
                        // NB: apk treats a component with leading zeros as a fraction: 1.02 < 1.1.
                        while (i < remaining() && s.charAt(pos + i) == '0') {
                            i++;
                        }
                        next = DIGIT;
                        v = -i;
                        break;
                    }
                    v = digits();
                    i = 0;
                    break;
                case DIGIT:
                case SUFFIX_NO:
                case REVISION_NO:
                    v = digits();
                    break;
                case LETTER:
                    v = s.charAt(pos);
                    i = 1;
                    break;
                case SUFFIX:
                    int pre = prefixIndex(PRE_SUFFIXES);
                    if (pre >= 0) {
                        v = pre - PRE_SUFFIXES.length;
                        i = PRE_SUFFIXES[pre].length();
                        break;
                    }
                    int post = prefixIndex(POST_SUFFIXES);
                    if (post >= 0) {
                        v = post;
                        i = POST_SUFFIXES[post].length();
                        break;
                    }
                    type = INVALID;
                    return -1;
                default:
                    type = INVALID;
                    return -1;
            }
            pos += i;
            if (remaining() == 0) {
                type = END;
            } else if (next != INVALID) {
                type = next;
            } else {
                nextType();
            }
            return v;
        }

        Cursor copyAt(Cursor other) {
            pos = other.pos;
            type = other.type;
            return this;
        }

        private long digits() {
            long v = 0;
            while (pos < s.length() && DpkgVersionScheme.isDigit(s.charAt(pos))) {
                v = v * 10 + (s.charAt(pos++) - '0');
            }
            return v;
        }

        private int prefixIndex(String[] names) {
            for (int k = 0; k < names.length; k++) {
                if (s.startsWith(names[k], pos)) {
                    return k;
                }
            }
            return -1;
        }

        private void nextType() {
            int n = INVALID;
            char c = s.charAt(pos);
            if ((type == DIGIT || type == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
                n = LETTER;
            } else if (type == LETTER && DpkgVersionScheme.isDigit(c)) {
                n = DIGIT;
            } else if (type == SUFFIX && DpkgVersionScheme.isDigit(c)) {
                n = SUFFIX_NO;
            } else {
                if (c == '.') {
                    n = DIGIT_OR_ZERO;
                } else if (c == '_') {
                    n = SUFFIX;
                } else if (c == '-' && remaining() > 1 && s.charAt(pos + 1) == 'r') {
                    n = REVISION_NO;
                    pos++;
                }
                pos++;
            }
            if (n < type && !((n == DIGIT_OR_ZERO && type == DIGIT)
                    || (n == SUFFIX && type == SUFFIX_NO)
                    || (n == DIGIT && type == LETTER))) {
                n = INVALID;
            }
            type = n;
        }
    }

    /** apk's {@code apk_version_compare}: -1, 0 or 1. */
    public static int compareStrings(String a, String b) {
        Cursor ca = new Cursor(a);
        Cursor cb = new Cursor(b);
        long av = 0;
        long bv = 0;
        while (ca.type == cb.type && ca.type != END && ca.type != INVALID && av == bv) {
            av = ca.token();
            bv = cb.token();
        }
        if (av != bv) {
            return av < bv ? -1 : 1;
        }
        if (ca.type == cb.type) {
            return 0;
        }
        if (ca.type == SUFFIX && new Cursor(a).copyAt(ca).token() < 0) {
            return -1;
        }
        if (cb.type == SUFFIX && new Cursor(b).copyAt(cb).token() < 0) {
            return 1;
        }
        if (ca.type > cb.type) {
            return -1;
        }
        if (cb.type > ca.type) {
            return 1;
        }
        return 0;
    }
}
