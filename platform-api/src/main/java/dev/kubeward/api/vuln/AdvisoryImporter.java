package dev.kubeward.api.vuln;

import dev.kubeward.api.vuln.internal.AdvisoryStore;
import dev.kubeward.api.vuln.internal.FeedFile;
import dev.kubeward.engine.vuln.feed.EpssScores;
import dev.kubeward.engine.vuln.feed.KevCatalog;
import dev.kubeward.engine.vuln.osv.Advisory;
import dev.kubeward.engine.vuln.osv.OsvParser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports OSV records, the KEV catalogue and EPSS scores into the global advisory tables, idempotently: each OSV
 * record is stored with the SHA-256 of its JSON and only written when that changes; KEV and EPSS are whole
 * documents, replaced only when their hash changes. One transaction per import, so a damaged bundle leaves the
 * previous data in place. When anything changed the generation moves on, which tells analyses they are stale.
 */
@Service
public class AdvisoryImporter {

    static final int SLICE = 500;
    private static final int MAX_REJECTED = 100;

    private final AdvisoryStore store;
    private final TransactionTemplate tx;
    private final OsvParser parser = new OsvParser();

    public AdvisoryImporter(AdvisoryStore store, PlatformTransactionManager txManager) {
        this.store = store;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The files to import: a zip (OSV records, optionally KEV and EPSS inside), a KEV JSON, an EPSS CSV; any may be null. */
    public record Upload(InputStream zip, byte[] kev, byte[] epss) {
    }

    public AdvisoryImport importUpload(Upload upload) {
        return tx.execute(s -> {
            Session session = new Session();
            try {
                if (upload.zip() != null) FeedFile.readZip(upload.zip(), session::accept);
            } catch (IOException e) {
                throw new IllegalArgumentException("the advisory bundle is not a readable zip: " + e.getMessage(), e);
            }
            if (upload.kev() != null) session.accept(new FeedFile(FeedFile.Kind.KEV, "kev", upload.kev()));
            if (upload.epss() != null) session.accept(new FeedFile(FeedFile.Kind.EPSS, "epss", upload.epss()));
            return session.finish();
        });
    }

    /** Imports a directory tree (or zips in it) as laid out in {@code kubeward.vuln.feed-dir}. */
    public AdvisoryImport importDirectory(Path dir) {
        return tx.execute(s -> {
            Session session = new Session();
            try {
                FeedFile.readDirectory(dir, session::accept);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read advisory directory " + dir, e);
            }
            return session.finish();
        });
    }

    /** One import: OSV records buffered per slice, KEV and EPSS checked against their stored hash. */
    private final class Session {
        final Instant at = Instant.now();
        final Map<String, AdvisoryStore.Record> pending = new LinkedHashMap<>();
        final List<String> rejected = new ArrayList<>();
        int seen;
        int added;
        int updated;
        String kev = "not in this import";
        String epss = "not in this import";
        boolean feedsChanged;

        void accept(FeedFile f) {
            switch (f.kind()) {
                case OSV -> osv(f);
                case KEV -> kev(f);
                case EPSS -> epss(f);
            }
        }

        private void osv(FeedFile f) {
            Advisory a;
            try {
                a = parser.parse(f.content());
            } catch (IllegalArgumentException e) {
                reject(f.name() + ": " + e.getMessage());
                return;
            }
            seen++;
            // NB: one statement may not touch a row twice; a bundle listing an id twice keeps the last file.
            pending.put(a.id(), new AdvisoryStore.Record(a.id(), sha256(f.content()), a.modified(), new String(f.content(), StandardCharsets.UTF_8)));
            if (pending.size() >= SLICE) flush();
        }

        private void kev(FeedFile f) {
            KevCatalog catalog;
            try {
                catalog = KevCatalog.load(new ByteArrayInputStream(f.content()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(f.name() + " is not a CISA KEV catalogue: " + e.getMessage(), e);
            }
            String hash = sha256(f.content());
            if (store.feedHash("kev").filter(hash::equals).isPresent()) {
                kev = "unchanged";
                return;
            }
            store.saveFeed("kev", hash, catalog.catalogVersion(), catalog.size(), f.content(), at);
            kev = "imported " + catalog.size() + " entries (catalogue " + catalog.catalogVersion() + ")";
            feedsChanged = true;
        }

        private void epss(FeedFile f) {
            EpssScores scores;
            try {
                scores = EpssScores.load(new ByteArrayInputStream(f.content()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(f.name() + " is not an EPSS CSV: " + e.getMessage(), e);
            }
            if (scores.size() == 0) throw new IllegalArgumentException(f.name() + " has no EPSS scores");
            String hash = sha256(f.content());
            if (store.feedHash("epss").filter(hash::equals).isPresent()) {
                epss = "unchanged";
                return;
            }
            store.saveFeed("epss", hash, scores.scoreDate(), scores.size(), f.content(), at);
            epss = "imported " + scores.size() + " scores (" + scores.scoreDate() + ")";
            feedsChanged = true;
        }

        private void flush() {
            AdvisoryStore.Written w = store.upsert(List.copyOf(pending.values()), at);
            added += w.inserted();
            updated += w.updated();
            pending.clear();
        }

        private void reject(String reason) {
            if (rejected.size() < MAX_REJECTED) rejected.add(reason);
        }

        AdvisoryImport finish() {
            flush();
            boolean changed = added + updated > 0 || feedsChanged;
            long generation = changed ? store.bumpGeneration() : store.generation();
            return new AdvisoryImport(added, updated, seen - added - updated, rejected, kev, epss, changed, generation);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
