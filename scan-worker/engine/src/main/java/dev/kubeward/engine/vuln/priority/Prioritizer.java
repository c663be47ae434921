package dev.kubeward.engine.vuln.priority;

import dev.kubeward.engine.vuln.cvss.Cvss3;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Buckets a CVE in a workload by a small decision table, first match wins:
 *
 * <table>
 *   <caption>Buckets</caption>
 *   <tr><th>bucket</th><th>rule</th></tr>
 *   <tr><td>act now</td><td>known exploited (KEV) and internet-exposed</td></tr>
 *   <tr><td>act now</td><td>known exploited and privileged, host access or dangerous service account</td></tr>
 *   <tr><td>act now</td><td>critical, internet-exposed and likely exploited (EPSS at or above the threshold)</td></tr>
 *   <tr><td>plan</td><td>known exploited, not reachable</td></tr>
 *   <tr><td>plan</td><td>high or critical, and internet-exposed or elevated</td></tr>
 *   <tr><td>plan</td><td>likely exploited (EPSS at or above the threshold)</td></tr>
 *   <tr><td>plan</td><td>critical and a fix is available</td></tr>
 *   <tr><td>watch</td><td>everything else</td></tr>
 * </table>
 *
 * NB: fix availability never lowers a bucket: an exploited, exposed CVE without a fix needs mitigation now. It only
 * lifts an unexposed critical to "plan", because a published fix makes it cheap to remove.
 */
public final class Prioritizer {

    /** The EPSS probability from which exploitation counts as likely; FIRST suggests 0.1 for broad coverage. */
    public static final double DEFAULT_EPSS_THRESHOLD = 0.1;

    private final double epssThreshold;

    public Prioritizer() {
        this(DEFAULT_EPSS_THRESHOLD);
    }

    public Prioritizer(double epssThreshold) {
        this.epssThreshold = epssThreshold;
    }

    public Priority prioritize(VulnerabilitySignals v, WorkloadContext w) {
        boolean likely = v.epss() != null && v.epss() >= epssThreshold;
        boolean critical = v.severity() == Cvss3.Severity.CRITICAL;
        Bucket bucket;
        String rule;
        if (v.knownExploited() && w.internetExposed()) {
            bucket = Bucket.ACT_NOW;
            rule = "known exploited and the workload is exposed to the internet";
        } else if (v.knownExploited() && w.elevated()) {
            bucket = Bucket.ACT_NOW;
            rule = "known exploited and the workload can reach beyond itself";
        } else if (critical && w.internetExposed() && likely) {
            bucket = Bucket.ACT_NOW;
            rule = "critical, likely to be exploited, and exposed to the internet";
        } else if (v.knownExploited()) {
            bucket = Bucket.PLAN;
            rule = "known exploited, but the workload is neither exposed nor elevated";
        } else if (v.severe() && (w.internetExposed() || w.elevated())) {
            bucket = Bucket.PLAN;
            rule = severityWord(v) + " in a workload that is " + (w.internetExposed() ? "exposed" : "elevated");
        } else if (likely) {
            bucket = Bucket.PLAN;
            rule = "likely to be exploited (EPSS)";
        } else if (critical && v.fixAvailable()) {
            bucket = Bucket.PLAN;
            rule = "critical with a fix available";
        } else {
            bucket = Bucket.WATCH;
            rule = "no exploitation signal and no exposure that raises it";
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(bucket.label() + ": " + rule);
        reasons.addAll(signals(v, w));
        return new Priority(v.cve(), bucket, reasons);
    }

    private List<String> signals(VulnerabilitySignals v, WorkloadContext w) {
        List<String> out = new ArrayList<>();
        if (v.cvssScore() != null) {
            out.add(String.format(Locale.ROOT, "CVSS %.1f (%s)", v.cvssScore(), severityWord(v)));
        } else {
            out.add("severity " + severityWord(v) + " (no CVSS score)");
        }
        if (v.knownExploited()) {
            out.add("in CISA KEV since " + v.kevDateAdded());
        }
        if (v.epss() != null) {
            out.add(String.format(Locale.ROOT, "EPSS %.3f (%s %.2f)", v.epss(),
                    v.epss() >= epssThreshold ? "at or above" : "below", epssThreshold));
        } else {
            out.add("no EPSS score");
        }
        out.add(v.fixAvailable() ? "fixed in " + v.fixedVersion() : "no fixed version published");
        if (w.internetExposed()) {
            out.add("workload exposed to the internet");
        }
        if (w.privilegedOrHostAccess()) {
            out.add("workload privileged or with host access");
        }
        if (w.dangerousServiceAccount()) {
            out.add("workload's service account has dangerous permissions");
        }
        return out;
    }

    private static String severityWord(VulnerabilitySignals v) {
        return v.severity() == null ? "unknown" : v.severity().name().toLowerCase(Locale.ROOT);
    }
}
