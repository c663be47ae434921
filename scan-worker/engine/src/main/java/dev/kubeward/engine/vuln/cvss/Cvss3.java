package dev.kubeward.engine.vuln.cvss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CVSS v3.x base score from a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}, with the v3.1
 * specification's weights and its floating-point-safe round-up. Temporal and environmental metrics are ignored.
 */
public record Cvss3(String vector, double baseScore) {

    private static final List<String> BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");

    /** The qualitative rating of a base score. */
    public enum Severity { NONE, LOW, MEDIUM, HIGH, CRITICAL;

        public static Severity of(double score) {
            if (score == 0.0) {
                return NONE;
            }
            return score < 4.0 ? LOW : score < 7.0 ? MEDIUM : score < 9.0 ? HIGH : CRITICAL;
        }
    }

    public Severity severity() {
        return Severity.of(baseScore);
    }

    /** Parses a v3.0 or v3.1 vector; throws {@code IllegalArgumentException} when a base metric is missing or bad. */
    public static Cvss3 parse(String vector) {
        String[] parts = vector.strip().split("/");
        if (parts.length == 0 || !(parts[0].equals("CVSS:3.1") || parts[0].equals("CVSS:3.0"))) {
            throw new IllegalArgumentException("not a CVSS v3 vector: " + vector);
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split(":", 2);
            if (kv.length != 2 || m.put(kv[0], kv[1]) != null) {
                throw new IllegalArgumentException("malformed or repeated metric '" + parts[i] + "' in " + vector);
            }
        }
        for (String metric : BASE) {
            if (!m.containsKey(metric)) {
                throw new IllegalArgumentException("missing base metric " + metric + " in " + vector);
            }
        }
        boolean changed = switch (m.get("S")) {
            case "U" -> false;
            case "C" -> true;
            default -> throw bad("S", m, vector);
        };
        double av = weight(m, "AV", vector, "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double ac = weight(m, "AC", vector, "L", 0.77, "H", 0.44);
        double pr = changed ? weight(m, "PR", vector, "N", 0.85, "L", 0.68, "H", 0.5)
                : weight(m, "PR", vector, "N", 0.85, "L", 0.62, "H", 0.27);
        double ui = weight(m, "UI", vector, "N", 0.85, "R", 0.62);
        double c = cia(m, "C", vector);
        double i = cia(m, "I", vector);
        double a = cia(m, "A", vector);
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        double score;
        if (impact <= 0) {
            score = 0;
        } else if (changed) {
            score = roundUp(Math.min(1.08 * (impact + exploitability), 10));
        } else {
            score = roundUp(Math.min(impact + exploitability, 10));
        }
        return new Cvss3(vector.strip(), score);
    }

    private static double cia(Map<String, String> m, String metric, String vector) {
        return weight(m, metric, vector, "H", 0.56, "L", 0.22, "N", 0.0);
    }

    private static double weight(Map<String, String> m, String metric, String vector, Object... table) {
        String value = m.get(metric);
        for (int k = 0; k < table.length; k += 2) {
            if (table[k].equals(value)) {
                return (Double) table[k + 1];
            }
        }
        throw bad(metric, m, vector);
    }

    private static IllegalArgumentException bad(String metric, Map<String, String> m, String vector) {
        return new IllegalArgumentException("bad value " + metric + ":" + m.get(metric) + " in " + vector);
    }

    /** CVSS v3.1 Appendix A round-up: the smallest one-decimal number not below the input, immune to float noise. */
    static double roundUp(double x) {
        long n = Math.round(x * 100_000);
        return n % 10_000 == 0 ? n / 100_000.0 : (Math.floorDiv(n, 10_000) + 1) / 10.0;
    }
}
