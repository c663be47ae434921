package dev.kubeward.api.vuln;

import dev.kubeward.api.vuln.internal.SbomStore;
import dev.kubeward.api.vuln.internal.VulnRows;
import dev.kubeward.engine.vuln.PackageRef;
import dev.kubeward.engine.vuln.cvss.Cvss3;
import dev.kubeward.engine.vuln.osv.Match;
import dev.kubeward.engine.vuln.priority.VulnerabilitySignals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Matches one image digest's SBOM against the advisory index, once per advisory generation: the same digest in 50
 * workloads across 3 clusters is one analysis, because the result is stored per digest and the SBOM row is locked
 * while it is computed (two clusters refreshing at once do not both match).
 */
@Service
public class ImageAnalysis {

    private final SbomStore sboms;
    private final VulnRows rows;
    private final AdvisoryCache advisories;
    private final TransactionTemplate tx;

    public ImageAnalysis(SbomStore sboms, VulnRows rows, AdvisoryCache advisories, PlatformTransactionManager txManager) {
        this.sboms = sboms;
        this.rows = rows;
        this.advisories = advisories;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Analyses the digest for the tenant in scope if its analysis is missing or stale; true when it matched now. */
    public boolean ensureAnalysed(UUID tenant, String digest) {
        AdvisoryCache.Snapshot snapshot = advisories.current();
        return Boolean.TRUE.equals(tx.execute(s -> {
            OptionalLong analysed = sboms.lockForAnalysis(tenant, digest);
            if (analysed.isEmpty() || analysed.getAsLong() == snapshot.generation()) return false;
            rows.replaceImage(tenant, digest, match(sboms.packages(tenant, digest), snapshot));
            sboms.markAnalysed(tenant, digest, snapshot.generation(), Instant.now());
            return true;
        }));
    }

    static List<VulnRows.Found> match(List<PackageRef> packages, AdvisoryCache.Snapshot snapshot) {
        Map<String, VulnRows.Found> found = new LinkedHashMap<>();
        for (PackageRef p : packages) {
            for (Match m : snapshot.index().match(p)) {
                VulnerabilitySignals v = snapshot.signals().signals(m);
                AdvisoryCache.Facts facts = snapshot.facts(m.advisory().id());
                VulnRows.Found f = new VulnRows.Found(m.advisory().id(), v.cve(), p.ecosystem().name(), p.name(), p.version(), v.fixedVersion(),
                        severity(v.severity()), v.cvssScore(), v.kevDateAdded(), v.epss(), facts.rce(), facts.summary());
                found.putIfAbsent(f.key(), f);
            }
        }
        return List.copyOf(found.values());
    }

    static String severity(Cvss3.Severity s) {
        return s == null ? "unknown" : s.name().toLowerCase(Locale.ROOT);
    }
}
