package dev.kubeward.api.vuln;

import dev.kubeward.api.exception.ExceptionApplier;
import dev.kubeward.api.vuln.internal.ImageWorkloads;
import dev.kubeward.api.vuln.internal.InventoryDerivation;
import dev.kubeward.api.vuln.internal.VulnFindings;
import dev.kubeward.api.vuln.internal.VulnRows;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.vuln.cvss.Cvss3;
import dev.kubeward.engine.vuln.priority.Priority;
import dev.kubeward.engine.vuln.priority.Prioritizer;
import dev.kubeward.engine.vuln.priority.VulnerabilitySignals;
import dev.kubeward.engine.vuln.priority.WorkloadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything vulnerabilities derive per cluster, for the tenant in scope: the image inventory from the stored
 * objects, the analysis of each digest the cluster runs (once per digest, see {@link ImageAnalysis}), every CVE ×
 * workload bucketed by the {@link Prioritizer} with context from our own findings, and the C-0083/84/85 findings.
 */
@Service
public class ClusterVulnerabilities {

    private static final Logger log = LoggerFactory.getLogger(ClusterVulnerabilities.class);

    /** Open findings that say a workload is reachable from outside the cluster. */
    static final List<String> EXPOSURE = List.of("C-0256", "C-0266");
    /** ... that it is privileged or has host access. */
    static final List<String> ELEVATION = List.of("C-0057", "C-0038", "C-0041", "C-0048");
    /** ... that its service account has dangerous RBAC. */
    static final List<String> DANGEROUS_SA = List.of("KW-RBAC-R34", "C-0267", "C-0272");

    private final ImageWorkloads inventory;
    private final ImageAnalysis analysis;
    private final VulnRows rows;
    private final VulnFindings findings;
    private final ExceptionApplier exceptions;
    private final TenantControlInputs inputs;
    private final TransactionTemplate tx;
    private final Prioritizer prioritizer;

    public ClusterVulnerabilities(ImageWorkloads inventory, ImageAnalysis analysis, VulnRows rows, VulnFindings findings,
                                  ExceptionApplier exceptions, TenantControlInputs inputs, PlatformTransactionManager txManager,
                                  @Value("${kubeward.vuln.epss-threshold:" + Prioritizer.DEFAULT_EPSS_THRESHOLD + "}") double epssThreshold) {
        this.inventory = inventory;
        this.analysis = analysis;
        this.rows = rows;
        this.findings = findings;
        this.exceptions = exceptions;
        this.inputs = inputs;
        this.tx = new TransactionTemplate(txManager);
        this.prioritizer = new Prioritizer(epssThreshold);
    }

    /** After a scan: inventory, analyses of new digests, priorities and findings. */
    public void refresh(UUID tenant, UUID cluster) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(s -> inventory.sync(tenant, cluster, InventoryDerivation.derive(inventory.objects(tenant, cluster)), at));
        for (String digest : inventory.digests(tenant, cluster)) analysis.ensureAnalysed(tenant, digest);
        prioritise(tenant, cluster);
    }

    /** Recomputes buckets and vulnerability findings of one cluster from the stored analyses. */
    public void prioritise(UUID tenant, UUID cluster) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean scored = Boolean.TRUE.equals(tx.execute(s -> {
            Map<VulnControls.Workload, WorkloadContext> context = context(tenant, cluster);
            List<VulnRows.WorkloadVuln> vulns = worstPerCve(rows.workloadVulns(tenant, cluster));
            List<VulnRows.Prioritised> prioritised = new ArrayList<>(vulns.size());
            List<VulnControls.Vuln> controlInput = new ArrayList<>(vulns.size());
            Set<VulnControls.Workload> exposed = new HashSet<>();
            for (VulnRows.WorkloadVuln v : vulns) {
                VulnControls.Workload w = new VulnControls.Workload(v.apiVersion(), v.kind(), v.namespace(), v.name());
                WorkloadContext ctx = context.getOrDefault(key(w), WorkloadContext.NONE);
                if (ctx.internetExposed()) exposed.add(w);
                Priority p = prioritizer.prioritize(new VulnerabilitySignals(v.cve(), v.cvss(), severity(v.severity()), v.kevDateAdded(),
                        v.epss(), v.fixedVersion()), ctx);
                prioritised.add(new VulnRows.Prioritised(v.kind(), v.namespace(), v.name(), v.digest(), v.cve(), v.severity(),
                        p.bucket().name().toLowerCase(Locale.ROOT).replace('_', '-'), p.reasons(), v.fixedVersion()));
                controlInput.add(new VulnControls.Vuln(w, v.cve(), v.severity(), v.rce(), v.reference()));
            }
            rows.replaceCluster(tenant, cluster, prioritised, at);
            UUID scan = findings.lastScan(tenant, cluster);
            if (scan == null) return false;
            Set<VulnControls.Workload> evaluated = new LinkedHashSet<>();
            rows.evaluated(tenant, cluster).forEach(e -> evaluated.add(new VulnControls.Workload(e.apiVersion(), e.kind(), e.namespace(), e.name())));
            for (VulnControls.Workload w : evaluated) {
                if (context.getOrDefault(key(w), WorkloadContext.NONE).internetExposed()) exposed.add(w);
            }
            ControlInputs in = inputs.of(tenant);
            VulnControls.Result result = VulnControls.evaluate(evaluated, controlInput, exposed,
                    number(in, "max_critical_vulnerabilities", 5), number(in, "max_high_vulnerabilities", 10));
            int[] changes = findings.write(tenant, cluster, scan, result.failures(), at);
            if (!evaluated.isEmpty()) findings.summarise(tenant, cluster, scan, result.counts());
            log.debug("cluster {}: {} CVE × workload rows, vulnerability findings +{} reopened {} resolved {}", cluster, prioritised.size(),
                    changes[0], changes[1], changes[2]);
            return !evaluated.isEmpty() || changes[2] > 0;
        }));
        // NB: scores are written, not computed on read; the exception feature owns that rescoring.
        if (scored) exceptions.reconcile(tenant);
    }

    private Map<VulnControls.Workload, WorkloadContext> context(UUID tenant, UUID cluster) {
        List<String> all = new ArrayList<>(EXPOSURE);
        all.addAll(ELEVATION);
        all.addAll(DANGEROUS_SA);
        Map<VulnControls.Workload, boolean[]> flags = new HashMap<>();
        for (String[] f : rows.openFindings(tenant, cluster, all)) {
            boolean[] b = flags.computeIfAbsent(new VulnControls.Workload("", f[0], f[1], f[2]), k -> new boolean[3]);
            if (EXPOSURE.contains(f[3])) b[0] = true;
            if (ELEVATION.contains(f[3])) b[1] = true;
            if (DANGEROUS_SA.contains(f[3])) b[2] = true;
        }
        Map<VulnControls.Workload, WorkloadContext> out = new HashMap<>();
        flags.forEach((w, b) -> out.put(w, new WorkloadContext(b[0], b[1], b[2])));
        return out;
    }

    private static VulnControls.Workload key(VulnControls.Workload w) {
        return new VulnControls.Workload("", w.kind(), w.namespace(), w.name());
    }

    /** One row per (workload, image, CVE): a CVE in several packages of an image counts once, with its worst signals. */
    static List<VulnRows.WorkloadVuln> worstPerCve(List<VulnRows.WorkloadVuln> all) {
        Comparator<VulnRows.WorkloadVuln> worse = Comparator.comparingInt((VulnRows.WorkloadVuln v) -> rank(v.severity()))
                .thenComparingDouble(v -> v.cvss() == null ? -1 : v.cvss());
        Map<String, VulnRows.WorkloadVuln> out = new LinkedHashMap<>();
        for (VulnRows.WorkloadVuln v : all) {
            String k = String.join("\u0000", v.kind(), v.namespace(), v.name(), v.digest(), v.cve());
            out.merge(k, v, (a, b) -> worse.compare(b, a) > 0 ? b : a);
        }
        return List.copyOf(out.values());
    }

    static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 5;
            case "high" -> 4;
            case "medium" -> 3;
            case "low" -> 2;
            case "none" -> 1;
            default -> 0;
        };
    }

    private static Cvss3.Severity severity(String s) {
        return switch (s) {
            case "critical", "high", "medium", "low", "none" -> Cvss3.Severity.valueOf(s.toUpperCase(Locale.ROOT));
            default -> null;
        };
    }

    private static int number(ControlInputs in, String name, int fallback) {
        try {
            List<String> v = in.list(name);
            return v == null || v.isEmpty() ? fallback : Integer.parseInt(v.get(0).strip());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
