package dev.kubeward.engine.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1e3}, {@code 0.5}) as exact numbers in base
 * units (cores, bytes), following apimachinery's {@code resource.Quantity} grammar: a signed decimal number, then
 * a binary suffix (Ki…Ei), a decimal suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
 * NB: BigDecimal, not double: "1073741824000m" must compare equal to "1Gi", and doubles would round.
 */
public final class Quantity {

    private static final Pattern FORMAT =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(?:[eE]([+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?))");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
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
            Map.entry("Ki", TWO.pow(10)),
            Map.entry("Mi", TWO.pow(20)),
            Map.entry("Gi", TWO.pow(30)),
            Map.entry("Ti", TWO.pow(40)),
            Map.entry("Pi", TWO.pow(50)),
            Map.entry("Ei", TWO.pow(60)));

    private Quantity() {
    }

    /** The quantity in base units, or empty when the text is not a valid Kubernetes quantity. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) return Optional.empty();
        BigDecimal number = new BigDecimal(m.group(1));
        try {
            if (m.group(2) != null) return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(m.group(2))));
            return Optional.of(number.multiply(SUFFIXES.get(m.group(3))));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A quantity as a manifest holds it: a string ({@code "500m"}) or a bare YAML/JSON number ({@code 2}). */
    public static Optional<BigDecimal> of(JsonNode node) {
        if (node == null) return Optional.empty();
        if (node.isNumber()) return Optional.of(node.decimalValue());
        if (node.isTextual()) return parse(node.asText());
        return Optional.empty();
    }

    /** {@code a > b}, by value (so {@code 1.0} and {@code 1} are equal). */
    public static boolean exceeds(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }
}
