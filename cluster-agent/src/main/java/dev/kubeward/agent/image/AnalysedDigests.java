package dev.kubeward.agent.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The image digests already analysed and sent, so that the same digest in 50 workloads, and in every snapshot
 * after, is analysed once. Bounded: past {@code capacity} the least recently seen digest is forgotten (and
 * would be analysed again if it came back). Kept in a file, so a restarted agent does not download every
 * image again; the file names the analysers' version, and an agent with other analysers starts afresh.
 *
 * <p>NB: a lookup moves a digest to the recent end in memory only; the order reaches the file with the next
 * digest remembered, so lookups (made on the snapshot thread) never touch the disk.
 */
public final class AnalysedDigests {

    private static final Logger log = LoggerFactory.getLogger(AnalysedDigests.class);
    private static final String HEADER = "# kubeward-agent: image digests analysed and sent, least recently seen first; analysers ";
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private final Path file;
    private final String header;
    private final LinkedHashMap<String, Boolean> digests;

    public AnalysedDigests(Path file, int capacity, String analysersVersion) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.file = file;
        this.header = HEADER + analysersVersion;
        this.digests = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
        load();
    }

    /** Whether {@code digest} was sent; counts as use for the LRU order. */
    public synchronized boolean contains(String digest) {
        return digests.get(digest) != null;
    }

    /** Records a digest as analysed and sent, and writes the file. */
    public synchronized void remember(String digest) {
        digests.put(digest, Boolean.TRUE);
        List<String> lines = new ArrayList<>(digests.size() + 1);
        lines.add(header);
        lines.addAll(digests.keySet());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // memory still holds it: this run does not analyse the digest again, a restarted agent would
            log.warn("cannot write {}: {}", file, e.toString());
        }
    }

    public synchronized int size() {
        return digests.size();
    }

    private void load() {
        if (!Files.isRegularFile(file)) return;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                log.info("{} was written by other analysers; images are analysed again", file);
                return;
            }
            for (String line : lines.subList(1, lines.size())) {
                if (DIGEST.matcher(line).matches()) digests.put(line, Boolean.TRUE);
            }
        } catch (IOException e) {
            log.warn("cannot read {} ({}); images are analysed again", file, e.toString());
        }
    }
}
