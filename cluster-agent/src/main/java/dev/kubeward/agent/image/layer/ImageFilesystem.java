package dev.kubeward.agent.image.layer;

import dev.kubeward.agent.image.analyse.Package;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The analysers' view of an image's filesystem, layer over layer, holding only what they need: the extracted
 * distribution files (in a scratch directory of their own) and the packages parsed from language files, each
 * under its image path, so that an upper layer deletes (whiteout) or replaces them as the container runtime
 * would. Extracted bytes count against a disk budget; {@link #close()} deletes the scratch directory.
 */
public final class ImageFilesystem implements AutoCloseable {

    /** What a path holds: an extracted file, or the packages parsed from it. */
    sealed interface Entry permits Extracted, Parsed {
    }

    record Extracted(Path file, long bytes) implements Entry {
    }

    record Parsed(List<Package> packages) implements Entry {
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private final Path scratch;
    private final long maxDiskBytes;
    private long diskBytes;
    private int files;

    public ImageFilesystem(Path workDir, long maxDiskBytes) {
        try {
            Files.createDirectories(workDir);
            this.scratch = Files.createTempDirectory(workDir, "image-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in " + workDir, e);
        }
        this.maxDiskBytes = maxDiskBytes;
    }

    /** The extracted files that survived every layer: image path → local copy. */
    public SortedMap<String, Path> extractedFiles() {
        SortedMap<String, Path> out = new TreeMap<>();
        entries.forEach((path, entry) -> {
            if (entry instanceof Extracted x) out.put(path, x.file());
        });
        return out;
    }

    /** The packages parsed from language files that survived every layer, in path order. */
    public List<Package> parsedPackages() {
        List<Package> out = new ArrayList<>();
        entries.values().forEach(entry -> {
            if (entry instanceof Parsed p) out.addAll(p.packages());
        });
        return out;
    }

    /** Whether lower layers left something at {@code path} or under it. */
    boolean holdsAtOrUnder(String path) {
        if (path.isEmpty()) return !entries.isEmpty();
        if (entries.containsKey(path)) return true;
        String under = entries.ceilingKey(path + "/");
        return under != null && under.startsWith(path + "/");
    }

    /** Copies {@code size} bytes of {@code in} into the scratch directory, within the disk budget. */
    Extracted extract(InputStream in, String path, long size) throws IOException {
        if (diskBytes + size > maxDiskBytes) {
            throw new LayerException(path + " (" + ScanLimits.mib(size) + ") does not fit the disk budget of " + ScanLimits.mib(maxDiskBytes)
                    + " for one image", null);
        }
        Path file = scratch.resolve(++files + ".extracted");
        long copied = Files.copy(in, file);
        diskBytes += copied;
        return new Extracted(file, copied);
    }

    /** Applies what one layer changed: first its deletions of lower content, then its own files. */
    void apply(LayerChanges changes) {
        for (LayerChanges.Removal r : changes.removals()) {
            if (r.self()) release(entries.remove(r.path()));
            if (r.children()) {
                NavigableMap<String, Entry> under = r.path().isEmpty() ? entries : entries.subMap(r.path() + "/", true, r.path() + "0", false);
                under.values().forEach(this::release);
                under.clear();
            }
        }
        for (Map.Entry<String, Entry> added : changes.added().entrySet()) release(entries.put(added.getKey(), added.getValue()));
    }

    /** Frees the disk an entry replaced within the same layer or removed by an upper one. */
    void release(Entry entry) {
        if (entry instanceof Extracted x) {
            try {
                Files.deleteIfExists(x.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            diskBytes -= x.bytes();
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(scratch)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch directory " + scratch, e);
        }
    }
}
