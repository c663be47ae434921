package dev.kubeward.api.vuln;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kubescape's vulnerability controls evaluated on our matches, one finding per failing workload:
 * <ul>
 *   <li>C-0083 (high): a critical vulnerability in a workload exposed to external traffic;</li>
 *   <li>C-0084 (high): a remote-code-execution vulnerability in an exposed workload;</li>
 *   <li>C-0085 (medium): more critical vulnerabilities than {@code max_critical_vulnerabilities} or more high ones than
 *       {@code max_high_vulnerabilities} (control inputs; Kubescape compares with "greater than").</li>
 * </ul>
 * Kubescape's rules read "exposed" as having a LoadBalancer or NodePort service; we use our own exposure findings
 * (C-0256, C-0266), the same signal prioritisation uses, so the two never disagree. Only workloads whose images
 * have an analysed SBOM are evaluated: no SBOM means "not assessed", never "passed".
 */
public final class VulnControls {

    public static final String CRITICAL_EXPOSED = "C-0083";
    public static final String RCE_EXPOSED = "C-0084";
    public static final String EXCESSIVE = "C-0085";
    public static final List<String> IDS = List.of(CRITICAL_EXPOSED, RCE_EXPOSED, EXCESSIVE);

    /** A workload's identity within a cluster. */
    public record Workload(String apiVersion, String kind, String namespace, String name) {
    }

    /** One CVE in one workload, with what the controls look at. */
    public record Vuln(Workload workload, String cve, String severity, boolean rce, String image) {
    }

    /** A failing workload. */
    public record Failure(String controlId, Workload workload, String severity, String rule, String message) {
    }

    /** Failures and, per control, how many evaluated workloads passed and failed. */
    public record Result(List<Failure> failures, Map<String, int[]> counts) {
    }

    private VulnControls() {
    }

    public static Result evaluate(Set<Workload> evaluated, List<Vuln> vulns, Set<Workload> exposed, int maxCritical, int maxHigh) {
        Map<Workload, Set<String>> critical = new LinkedHashMap<>();
        Map<Workload, Set<String>> high = new LinkedHashMap<>();
        Map<Workload, Set<String>> rce = new LinkedHashMap<>();
        Map<Workload, Set<String>> images = new LinkedHashMap<>();
        for (Vuln v : vulns) {
            if ("critical".equals(v.severity())) critical.computeIfAbsent(v.workload(), k -> new TreeSet<>()).add(v.cve());
            if ("high".equals(v.severity())) high.computeIfAbsent(v.workload(), k -> new TreeSet<>()).add(v.cve());
            if (v.rce()) rce.computeIfAbsent(v.workload(), k -> new TreeSet<>()).add(v.cve());
            images.computeIfAbsent(v.workload(), k -> new TreeSet<>()).add(v.image());
        }
        List<Failure> failures = new ArrayList<>();
        for (Workload w : evaluated) {
            Set<String> crit = critical.getOrDefault(w, Set.of());
            Set<String> hi = high.getOrDefault(w, Set.of());
            Set<String> rc = rce.getOrDefault(w, Set.of());
            String imgs = String.join(", ", images.getOrDefault(w, Set.of()));
            if (exposed.contains(w) && !crit.isEmpty()) {
                failures.add(new Failure(CRITICAL_EXPOSED, w, "high", "exposed-critical-pods", "Exposed to external traffic and runs "
                        + imgs + " with " + crit.size() + " critical vulnerabilit" + (crit.size() == 1 ? "y" : "ies") + ": " + head(crit)));
            }
            if (exposed.contains(w) && !rc.isEmpty()) {
                failures.add(new Failure(RCE_EXPOSED, w, "high", "exposed-rce-pods", "Exposed to external traffic and runs "
                        + imgs + " with " + rc.size() + " remote code execution vulnerabilit" + (rc.size() == 1 ? "y" : "ies") + ": " + head(rc)));
            }
            if (crit.size() > maxCritical || hi.size() > maxHigh) {
                failures.add(new Failure(EXCESSIVE, w, "medium", "excessive_amount_of_vulnerabilities_pods", "Runs " + imgs + " with "
                        + crit.size() + " critical (limit " + maxCritical + ") and " + hi.size() + " high (limit " + maxHigh + ") vulnerabilities"));
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String id : IDS) {
            long failed = failures.stream().filter(f -> f.controlId().equals(id)).count();
            counts.put(id, new int[] {(int) failed, evaluated.size() - (int) failed});
        }
        return new Result(List.copyOf(failures), counts);
    }

    private static String head(Set<String> cves) {
        List<String> l = new ArrayList<>(cves);
        return l.size() <= 5 ? String.join(", ", l) : String.join(", ", l.subList(0, 5)) + " and " + (l.size() - 5) + " more";
    }
}
