package dev.kubeward.engine.vuln.priority;

import dev.kubeward.engine.vuln.cvss.Cvss3;
import dev.kubeward.engine.vuln.feed.EpssScores;
import dev.kubeward.engine.vuln.feed.KevCatalog;
import dev.kubeward.engine.vuln.osv.Match;
import java.util.Locale;

/** Assembles {@link VulnerabilitySignals} for a match from the advisory, KEV and EPSS. */
public final class SignalSources {

    private final KevCatalog kev;
    private final EpssScores epss;

    public SignalSources(KevCatalog kev, EpssScores epss) {
        this.kev = kev;
        this.epss = epss;
    }

    public VulnerabilitySignals signals(Match match) {
        String cve = match.advisory().cve().orElse(match.advisory().id());
        Double score = null;
        Cvss3.Severity severity = null;
        if (match.advisory().cvssV3() != null) {
            try {
                Cvss3 cvss = Cvss3.parse(match.advisory().cvssV3());
                score = cvss.baseScore();
                severity = cvss.severity();
            } catch (IllegalArgumentException e) {
                // NB: a malformed vector falls back to the advisory's label rather than losing the match.
            }
        }
        if (severity == null && match.advisory().severityLabel() != null) {
            severity = label(match.advisory().severityLabel());
        }
        return new VulnerabilitySignals(cve, score, severity,
                kev.find(cve).map(KevCatalog.Entry::dateAdded).orElse(null),
                epss.find(cve).map(EpssScores.Score::epss).orElse(null), match.fixedVersion());
    }

    private static Cvss3.Severity label(String label) {
        return switch (label.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Cvss3.Severity.CRITICAL;
            case "HIGH", "IMPORTANT" -> Cvss3.Severity.HIGH;
            case "MEDIUM", "MODERATE" -> Cvss3.Severity.MEDIUM;
            case "LOW", "NEGLIGIBLE", "UNIMPORTANT" -> Cvss3.Severity.LOW;
            default -> null;
        };
    }
}
