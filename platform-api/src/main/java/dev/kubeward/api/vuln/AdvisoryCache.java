package dev.kubeward.api.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.vuln.internal.AdvisoryStore;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.engine.vuln.feed.EpssScores;
import dev.kubeward.engine.vuln.feed.KevCatalog;
import dev.kubeward.engine.vuln.osv.Advisory;
import dev.kubeward.engine.vuln.osv.AdvisoryIndex;
import dev.kubeward.engine.vuln.osv.OsvParser;
import dev.kubeward.engine.vuln.priority.SignalSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The in-memory advisory index, built once per advisory generation and shared by every tenant: matching an image is
 * then hash lookups, never a database scan. Another instance's import is noticed by the generation number (one
 * single-row read per use).
 */
@Component
public class AdvisoryCache {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryCache.class);

    /**
     * NB: OSV has no "remote code execution" flag (Kubescape's C-0084 reads its own backend's isRce). We call an
     * advisory RCE when its CWEs are code/command injection or unsafe deserialisation, or its text says so.
     */
    private static final Set<String> RCE_CWES = Set.of("CWE-94", "CWE-77", "CWE-78", "CWE-502", "CWE-917", "CWE-1336", "CWE-95");
    private static final Pattern RCE_TEXT = Pattern.compile(
            "remote code|code execution|\\bRCE\\b|arbitrary code|code injection|command injection|execute arbitrary", Pattern.CASE_INSENSITIVE);

    /** What the index needs besides matching: per advisory id, whether it is RCE and its summary. */
    public record Facts(boolean rce, String summary) {
    }

    /** One generation's index and signals. */
    public record Snapshot(long generation, AdvisoryIndex index, Map<String, Facts> facts, SignalSources signals, KevCatalog kev,
                           EpssScores epss) {
        public Facts facts(String advisoryId) {
            return facts.getOrDefault(advisoryId, new Facts(false, ""));
        }
    }

    private final AdvisoryStore store;
    private volatile Snapshot current;

    public AdvisoryCache(AdvisoryStore store) {
        this.store = store;
    }

    public Snapshot current() {
        long generation = store.generation();
        Snapshot s = current;
        if (s != null && s.generation() == generation) return s;
        synchronized (this) {
            if (current == null || current.generation() != generation) current = load(generation);
            return current;
        }
    }

    private Snapshot load(long generation) {
        long started = System.nanoTime();
        OsvParser parser = new OsvParser();
        List<Advisory> advisories = new ArrayList<>();
        Map<String, Facts> facts = new HashMap<>();
        store.forEachAdvisory(rs -> {
            try {
                JsonNode root = ChunkCodec.mapper().readTree(rs.getString(2));
                Advisory a = parser.parse(root);
                advisories.add(a);
                facts.put(a.id(), new Facts(isRce(root), a.summary().isBlank() ? firstLine(root.path("details").asText("")) : a.summary()));
            } catch (IOException | IllegalArgumentException e) {
                log.warn("stored advisory {} does not parse: {}", rs.getString(1), e.getMessage());
            }
        });
        KevCatalog kev = store.feedDocument("kev").map(d -> {
            try {
                return KevCatalog.load(new ByteArrayInputStream(d));
            } catch (IOException e) {
                return KevCatalog.empty();
            }
        }).orElse(KevCatalog.empty());
        EpssScores epss = store.feedDocument("epss").map(d -> {
            try {
                return EpssScores.load(new ByteArrayInputStream(d));
            } catch (IOException e) {
                return EpssScores.empty();
            }
        }).orElse(EpssScores.empty());
        AdvisoryIndex index = AdvisoryIndex.build(advisories);
        log.info("advisory index of generation {}: {} advisories, {} KEV, {} EPSS, {} ranges skipped, built in {} ms", generation,
                advisories.size(), kev.size(), epss.size(), index.skippedRanges(), (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(generation, index, Map.copyOf(facts), new SignalSources(kev, epss), kev, epss);
    }

    static boolean isRce(JsonNode osv) {
        for (JsonNode cwe : osv.path("database_specific").path("cwe_ids")) {
            if (RCE_CWES.contains(cwe.asText())) return true;
        }
        return RCE_TEXT.matcher(osv.path("summary").asText("")).find() || RCE_TEXT.matcher(osv.path("details").asText("")).find();
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
