package dev.kubeward.engine.vuln.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * FIRST EPSS scores from the daily CSV ({@code #model_version:...,score_date:...} comment, then
 * {@code cve,epss,percentile}); gzip is detected by its magic bytes.
 */
public final class EpssScores {

    /** A probability of exploitation in the next 30 days, and its percentile among all CVEs. */
    public record Score(double epss, double percentile) { }

    private final String scoreDate;
    private final Map<String, Score> byCve;

    private EpssScores(String scoreDate, Map<String, Score> byCve) {
        this.scoreDate = scoreDate;
        this.byCve = byCve;
    }

    public static EpssScores empty() {
        return new EpssScores("", Map.of());
    }

    public static EpssScores load(InputStream in) throws IOException {
        InputStream raw = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream data = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
        Map<String, Score> map = new HashMap<>();
        String date = "";
        int cveCol = 0;
        int epssCol = 1;
        int pctCol = 2;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    int at = line.indexOf("score_date:");
                    if (at >= 0) {
                        date = line.substring(at + "score_date:".length()).split(",")[0].strip();
                    }
                    continue;
                }
                String[] f = line.split(",");
                if (f[0].strip().equalsIgnoreCase("cve")) {
                    for (int i = 0; i < f.length; i++) {
                        switch (f[i].strip().toLowerCase()) {
                            case "cve" -> cveCol = i;
                            case "epss" -> epssCol = i;
                            case "percentile" -> pctCol = i;
                            default -> { }
                        }
                    }
                    continue;
                }
                try {
                    map.put(f[cveCol].strip(), new Score(Double.parseDouble(f[epssCol]),
                            f.length > pctCol ? Double.parseDouble(f[pctCol]) : Double.NaN));
                } catch (RuntimeException e) {
                    throw new IOException("EPSS line " + lineNo + " is malformed: " + line, e);
                }
            }
        }
        return new EpssScores(date, Map.copyOf(map));
    }

    public Optional<Score> find(String cve) {
        return Optional.ofNullable(byCve.get(cve));
    }

    public String scoreDate() {
        return scoreDate;
    }

    public int size() {
        return byCve.size();
    }
}
