package dev.kubeward.api.vuln.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One file of an offline advisory bundle, classified by name: the CISA KEV catalogue
 * ({@code known_exploited_vulnerabilities.json} or {@code kev*.json}), EPSS scores ({@code *.csv}, {@code *.csv.gz}),
 * everything else ending in {@code .json} an OSV record. Bundles are a zip or a directory tree; one bundle may carry
 * all three, so an air-gapped site copies a single file.
 */
public record FeedFile(Kind kind, String name, byte[] content) {

    public enum Kind { OSV, KEV, EPSS }

    /** NB: the largest OSV records are a few hundred KiB and a full EPSS file ~15 MiB; more is likely a zip bomb. */
    static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000_000;

    public static Kind classify(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.endsWith(".csv") || base.endsWith(".csv.gz")) return Kind.EPSS;
        if (base.endsWith(".json") && (base.startsWith("kev") || base.startsWith("known_exploited_vulnerabilities"))) return Kind.KEV;
        return base.endsWith(".json") ? Kind.OSV : null;
    }

    /** Streams the files of a zip; throws {@code IOException} for a damaged zip or an oversized entry. */
    public static int readZip(InputStream in, Consumer<FeedFile> sink) throws IOException {
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Kind kind = e.isDirectory() ? null : classify(e.getName());
                if (kind == null) continue;
                if (++count > MAX_ENTRIES) throw new IOException("more than " + MAX_ENTRIES + " files in the bundle");
                sink.accept(new FeedFile(kind, e.getName(), bounded(zip, e.getName())));
            }
        }
        return count;
    }

    /** The files of a directory tree, zips inside it included, in name order. */
    public static int readDirectory(Path dir, Consumer<FeedFile> sink) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    try (InputStream in = Files.newInputStream(f)) {
                        count += readZip(in, sink);
                    }
                    continue;
                }
                Kind kind = classify(name);
                if (kind == null) continue;
                if (Files.size(f) > MAX_ENTRY_BYTES) throw new IOException(name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
                sink.accept(new FeedFile(kind, name, Files.readAllBytes(f)));
                count++;
            }
        }
        return count;
    }

    static byte[] bounded(InputStream in, String name) throws IOException {
        byte[] data = in.readNBytes(MAX_ENTRY_BYTES + 1);
        if (data.length > MAX_ENTRY_BYTES) throw new IOException(name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
        return data;
    }
}
