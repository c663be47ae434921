package dev.kubeward.engine.vuln.feed;

import dev.kubeward.engine.vuln.osv.Advisory;
import dev.kubeward.engine.vuln.osv.AdvisoryIndex;
import dev.kubeward.engine.vuln.osv.OsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The advisories imported so far, by OSV id, each with the SHA-256 of the JSON it came from. Importing a file whose
 * hash is already stored for its id is a no-op, so re-importing a bundle changes nothing; a persistent store can use
 * the same hash to skip its upserts. Bundles are a directory tree or a zip of {@code *.json} OSV files.
 */
public final class AdvisoryCatalog {

    /** NB: the largest OSV records are a few hundred KiB; anything bigger in a zip is more likely a zip bomb. */
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;

    private record Stored(String sha256, Advisory advisory) { }

    private final OsvParser parser = new OsvParser();
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();

    /** Imports a directory tree or a {@code .zip} of OSV JSON files. */
    public synchronized ImportResult importBundle(Path bundle) throws IOException {
        Counter counter = new Counter();
        if (Files.isDirectory(bundle)) {
            try (Stream<Path> files = Files.walk(bundle)) {
                for (Path file : files.filter(AdvisoryCatalog::isJson).sorted().toList()) {
                    counter.accept(bundle.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
                        counter.accept(entry.getName(), readBounded(zip, entry.getName()));
                    }
                }
            }
        }
        return counter.result();
    }

    /** Imports one OSV document given as bytes, e.g. from a scheduled download. */
    public synchronized ImportResult importDocument(String name, byte[] json) {
        Counter counter = new Counter();
        counter.accept(name, json);
        return counter.result();
    }

    public int size() {
        return byId.size();
    }

    /** The stored content hash of an advisory, for callers that persist the catalogue. */
    public String sha256(String id) {
        Stored s = byId.get(id);
        return s == null ? null : s.sha256;
    }

    public List<Advisory> advisories() {
        return new TreeMap<>(byId).values().stream().map(Stored::advisory).toList();
    }

    /** A matching index over the current advisories; build once per import, not per match. */
    public AdvisoryIndex index() {
        return AdvisoryIndex.build(advisories());
    }

    private final class Counter {
        int added;
        int updated;
        int unchanged;
        final List<String> rejected = new ArrayList<>();

        void accept(String name, byte[] json) {
            String hash = sha256(json);
            Advisory advisory;
            try {
                advisory = parser.parse(json);
            } catch (IllegalArgumentException e) {
                rejected.add(name + ": " + e.getMessage());
                return;
            }
            Stored previous = byId.get(advisory.id());
            if (previous != null && previous.sha256.equals(hash)) {
                unchanged++;
                return;
            }
            byId.put(advisory.id(), new Stored(hash, advisory));
            if (previous == null) {
                added++;
            } else {
                updated++;
            }
        }

        ImportResult result() {
            return new ImportResult(added, updated, unchanged, rejected);
        }
    }

    private static boolean isJson(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json");
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        byte[] data = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
        if (data.length > MAX_ENTRY_BYTES) {
            throw new IOException(name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
        }
        return data;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
