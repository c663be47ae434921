package dev.kubeward.engine.vuln.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The CISA Known Exploited Vulnerabilities catalogue, loaded from its JSON feed. */
public final class KevCatalog {

    /** One catalogue entry. */
    public record Entry(String cveId, String dateAdded, String dueDate, boolean knownRansomwareUse) { }

    private final String catalogVersion;
    private final Map<String, Entry> byCve;

    private KevCatalog(String catalogVersion, Map<String, Entry> byCve) {
        this.catalogVersion = catalogVersion;
        this.byCve = Map.copyOf(byCve);
    }

    public static KevCatalog empty() {
        return new KevCatalog("", Map.of());
    }

    /** Reads {@code known_exploited_vulnerabilities.json}. */
    public static KevCatalog load(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode list = root.path("vulnerabilities");
        if (!list.isArray()) {
            throw new IOException("not a KEV catalogue: no vulnerabilities array");
        }
        Map<String, Entry> map = new HashMap<>();
        for (JsonNode v : list) {
            String cve = v.path("cveID").asText("");
            if (!cve.isEmpty()) {
                map.put(cve, new Entry(cve, v.path("dateAdded").asText(""), v.path("dueDate").asText(""),
                        "Known".equalsIgnoreCase(v.path("knownRansomwareCampaignUse").asText(""))));
            }
        }
        return new KevCatalog(root.path("catalogVersion").asText(""), map);
    }

    public Optional<Entry> find(String cve) {
        return Optional.ofNullable(byCve.get(cve));
    }

    public boolean contains(String cve) {
        return byCve.containsKey(cve);
    }

    public String catalogVersion() {
        return catalogVersion;
    }

    public int size() {
        return byCve.size();
    }
}
