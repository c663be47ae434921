package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.ControlInputs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The tenant's idea of a credential (Kubescape's {@code sensitiveKeyNames}, {@code sensitiveValues} and their
 * {@code …Allowed} exceptions): a key whose name contains a sensitive word ({@code DB_PASSWORD}), or a value that
 * matches a sensitive pattern ({@code AKIA[0-9A-Z]{16}}, {@code Bearer}), unless the name contains an allowed
 * word ({@code _FILE}) or the value matches an allowed pattern.
 */
final class SensitiveData {

    private final List<String> keyNames;
    private final List<Pattern> values;
    private final List<String> allowedKeyNames;
    private final List<Pattern> allowedValues;

    private SensitiveData(List<String> keyNames, List<Pattern> values, List<String> allowedKeyNames,
                          List<Pattern> allowedValues) {
        this.keyNames = keyNames;
        this.values = values;
        this.allowedKeyNames = allowedKeyNames;
        this.allowedValues = allowedValues;
    }

    static SensitiveData from(ControlInputs inputs) {
        return new SensitiveData(lower(inputs.list("sensitiveKeyNames")), patterns(inputs.list("sensitiveValues")),
                lower(inputs.list("sensitiveKeyNamesAllowed")), patterns(inputs.list("sensitiveValuesAllowed")));
    }

    /** The name carries a sensitive word and the pair is not allowed. */
    boolean sensitiveName(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return keyNames.stream().anyMatch(lower::contains) && !allowed(name, value);
    }

    /** The value matches a sensitive pattern and the pair is not allowed. */
    boolean sensitiveValue(String name, String value) {
        return looksSensitive(value) && !allowed(name, value);
    }

    /** The text matches a sensitive pattern, whatever its key. */
    boolean looksSensitive(String text) {
        return values.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The tenant allowed this key name or this value. */
    boolean allowed(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return allowedKeyNames.stream().anyMatch(lower::contains)
                || allowedValues.stream().anyMatch(p -> p.matcher(value).find());
    }

    private static List<String> lower(List<String> words) {
        return words.stream().filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Inputs are regular expressions (RE2 in Kubescape, compatible with Java for the patterns in use); matched
     * ignoring case, since {@code bearer abc} is as much a bearer token as {@code Bearer abc}. An input that does
     * not compile is taken literally rather than dropped.
     */
    private static List<Pattern> patterns(List<String> inputs) {
        return inputs.stream().filter(s -> !s.isEmpty()).map(SensitiveData::compile).flatMap(Optional::stream).toList();
    }

    private static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            return Optional.of(Pattern.compile(Pattern.quote(regex), Pattern.CASE_INSENSITIVE));
        }
    }
}
