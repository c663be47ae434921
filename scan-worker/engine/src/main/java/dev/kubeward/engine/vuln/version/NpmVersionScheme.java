package dev.kubeward.engine.vuln.version;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** npm's SemVer 2.0.0 ordering, parsed loosely like node-semver ({@code v1.2.3}, {@code = 1.2.3}). */
public final class NpmVersionScheme implements VersionScheme {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*|\\d+)\\.(0|[1-9]\\d*|\\d+)\\.(0|[1-9]\\d*|\\d+)"
                    + "(?:-?([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public ParsedVersion parse(String text) {
        String s = text == null ? "" : text.strip().replaceFirst("^[v=\\s]+", "");
        Matcher m = SEMVER.matcher(s);
        if (!m.matches()) {
            throw new InvalidVersionException(name(), text, "not major.minor.patch[-pre][+build]");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new SemVer(text, new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
                pre);
    }
}
