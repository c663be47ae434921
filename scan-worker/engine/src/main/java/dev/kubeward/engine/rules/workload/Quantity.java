package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 2e3}, {@code 0.5}) as exact numbers of base
 * units (cores, bytes), after apimachinery's {@code resource.Quantity} grammar: a signed decimal, then a binary
 * suffix (Ki…Ei), a decimal suffix (n u m k M G T P E) or a decimal exponent. NB: BigDecimal so that
 * {@code 1024Mi} and {@code 1Gi} compare equal, which doubles do not promise.
 */
final class Quantity {

    private static final Pattern GRAMMAR = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))([eE][+-]?\\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?)");
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)),
            Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
            Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)),
            Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
            Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)),
            Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
            Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)),
            Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
            Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)),
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)));

    private Quantity() {
    }

    /** The quantity in base units; empty when the text is no Kubernetes quantity. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = GRAMMAR.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        try {
            if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
            }
            return Optional.of(number.multiply(SUFFIXES.get(suffix)));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A quantity as a manifest holds it: a string ({@code "500m"}) or a bare number ({@code 2}). */
    static Optional<BigDecimal> of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return Optional.empty();
        if (node.isNumber()) return Optional.of(node.decimalValue());
        return parse(node.asText());
    }
}
