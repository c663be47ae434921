package dev.kubeward.api.vuln.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The global advisory tables: OSV records by id with their content hash, the KEV and EPSS documents, the generation. */
@Component
public class AdvisoryStore {

    /** One OSV record to store. */
    public record Record(String id, String sha256, String modified, String body) {
    }

    /** Per slice: rows inserted and rows updated; a record whose hash is stored already is neither. */
    public record Written(int inserted, int updated) {
    }

    // NB: the WHERE on the conflict branch makes an unchanged record a no-op: no new row version, no RETURNING row.
    private static final String UPSERT = """
            INSERT INTO vuln_advisories AS a (id, sha256, modified, body, imported_at)
            SELECT u.id, u.sha256, u.modified, u.body, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, sha256, modified, body)
            ON CONFLICT (id) DO UPDATE SET sha256 = EXCLUDED.sha256, modified = EXCLUDED.modified, body = EXCLUDED.body,
                                           imported_at = EXCLUDED.imported_at
             WHERE a.sha256 <> EXCLUDED.sha256
            RETURNING (a.xmax = 0) AS inserted
            """;

    private final JdbcTemplate jdbc;

    public AdvisoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Written upsert(List<Record> records, Instant at) {
        if (records.isEmpty()) return new Written(0, 0);
        List<Boolean> rows = jdbc.query(con -> {
            var ps = con.prepareStatement(UPSERT);
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, con.createArrayOf("text", records.stream().map(Record::id).toArray()));
            ps.setArray(3, con.createArrayOf("text", records.stream().map(Record::sha256).toArray()));
            ps.setArray(4, con.createArrayOf("text", records.stream().map(Record::modified).toArray()));
            ps.setArray(5, con.createArrayOf("text", records.stream().map(Record::body).toArray()));
            return ps;
        }, (rs, i) -> rs.getBoolean(1));
        int inserted = (int) rows.stream().filter(b -> b).count();
        return new Written(inserted, rows.size() - inserted);
    }

    public void forEachAdvisory(RowCallbackHandler handler) {
        jdbc.query("SELECT id, body FROM vuln_advisories", handler);
    }

    public int advisoryCount() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM vuln_advisories", Integer.class);
        return n == null ? 0 : n;
    }

    /** The stored hash of a feed, if imported. */
    public Optional<String> feedHash(String feed) {
        return jdbc.queryForList("SELECT sha256 FROM vuln_feeds WHERE feed = ?", String.class, feed).stream().findFirst();
    }

    public Optional<byte[]> feedDocument(String feed) {
        return jdbc.query("SELECT document FROM vuln_feeds WHERE feed = ?", (rs, i) -> rs.getBytes(1), feed).stream()
                .filter(d -> d != null).findFirst();
    }

    public void saveFeed(String feed, String sha256, String version, int entries, byte[] document, Instant at) {
        jdbc.update("""
                INSERT INTO vuln_feeds (feed, sha256, version, entries, document, imported_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (feed) DO UPDATE SET sha256 = EXCLUDED.sha256, version = EXCLUDED.version, entries = EXCLUDED.entries,
                                                 document = EXCLUDED.document, imported_at = EXCLUDED.imported_at
                """, feed, sha256, version, entries, document, Timestamp.from(at));
    }

    /** Feed rows for the status endpoint: feed, version, entries, imported_at. */
    public List<java.util.Map<String, Object>> feeds() {
        return jdbc.queryForList("SELECT feed, version, entries, sha256, imported_at FROM vuln_feeds ORDER BY feed");
    }

    public long generation() {
        Long g = jdbc.queryForObject("SELECT generation FROM vuln_generation", Long.class);
        return g == null ? 0 : g;
    }

    public long bumpGeneration() {
        Long g = jdbc.queryForObject("UPDATE vuln_generation SET generation = generation + 1, changed_at = now() RETURNING generation", Long.class);
        return g == null ? 0 : g;
    }
}
