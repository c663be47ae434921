package dev.kubeward.agent.image.layer;

import dev.kubeward.agent.image.analyse.PackageFile;
import dev.kubeward.agent.image.registry.Descriptor;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Streams one layer blob (tar, or tar+gzip) past the analysers and applies it to the {@link ImageFilesystem}:
 * files of a {@link PackageFile} kind are parsed or extracted, everything else is skipped unread, and
 * whiteouts ({@code .wh.<name>}, opaque {@code .wh..wh..opq}) delete what lower layers left, as the OCI image
 * spec has them. Memory holds one read buffer and the packages found; nothing of a layer is stored but the
 * extracted distribution files.
 *
 * <p>The blob's size and sha256 are checked against its descriptor once it was read to the end, and the
 * compressed and unpacked byte counts against {@link ScanLimits}. A layer that fails any of this fails the image.
 */
public final class LayerReader {

    private static final Logger log = LoggerFactory.getLogger(LayerReader.class);
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final Set<String> GZIP_TYPES = Set.of("application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.docker.image.rootfs.diff.tar.gzip", "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
    private static final Set<String> TAR_TYPES = Set.of("application/vnd.oci.image.layer.v1.tar", "application/vnd.oci.image.layer.nondistributable.v1.tar");
    private static final int BUFFER = 64 * 1024;

    private final ScanLimits limits;

    public LayerReader(ScanLimits limits) {
        this.limits = limits;
    }

    /** Fails before anything is downloaded when the layer cannot be read within the limits. */
    public void check(Descriptor layer) {
        if (layer.size() > limits.maxLayerBytes()) {
            throw new LayerException("layer " + layer.digest() + " is " + ScanLimits.mib(layer.size()) + ", above the limit of "
                    + ScanLimits.mib(limits.maxLayerBytes()) + " (--image-scan-max-layer-mib)", null);
        }
        if (!GZIP_TYPES.contains(layer.mediaType()) && !TAR_TYPES.contains(layer.mediaType())) {
            throw new LayerException("layer " + layer.digest() + " has media type '" + layer.mediaType() + "'; only tar and tar+gzip layers are read", null);
        }
    }

    /** Reads {@code blob} to its end and applies the layer to {@code fs}; closes {@code blob}. */
    public void apply(Descriptor layer, InputStream blob, ImageFilesystem fs) {
        check(layer);
        MessageDigest sha256 = sha256();
        LayerChanges changes = new LayerChanges();
        try (LimitedInputStream downloaded = new LimitedInputStream(blob, limits.maxLayerBytes(), "layer " + layer.digest());
             InputStream digested = new BufferedInputStream(new DigestInputStream(downloaded, sha256), BUFFER)) {
            InputStream unpacked = new LimitedInputStream(new Guarded(decompress(layer, digested), layer), limits.maxUnpackedLayerBytes(),
                    "layer " + layer.digest() + " unpacked");
            readEntries(layer, new TarArchiveInputStream(unpacked), fs, changes);
            unpacked.transferTo(OutputStream.nullOutputStream()); // to the end: every byte counts for the digest, and gzip checks its CRC
            digested.transferTo(OutputStream.nullOutputStream());
            verify(layer, downloaded.count(), sha256);
        } catch (IOException e) {
            throw new LayerException("reading layer " + layer.digest() + " failed: " + e.getMessage(), e);
        }
        fs.apply(changes);
    }

    private static InputStream decompress(Descriptor layer, InputStream in) {
        if (!GZIP_TYPES.contains(layer.mediaType())) return in;
        try {
            // concatenated members: eStargz and some builders write a layer as several gzip members
            return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        } catch (IOException e) {
            throw new LayerException("layer " + layer.digest() + " is not valid gzip: " + e.getMessage(), e);
        }
    }

    private void readEntries(Descriptor layer, TarArchiveInputStream tar, ImageFilesystem fs, LayerChanges changes) {
        TarArchiveEntry entry;
        while ((entry = nextEntry(layer, tar)) != null) {
            String path = normalise(entry.getName());
            if (path.isEmpty()) continue;
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "" : path.substring(0, slash);
            String base = path.substring(slash + 1);
            if (base.equals(OPAQUE)) {
                changes.remove(dir, false, true);
                continue;
            }
            if (base.startsWith(WHITEOUT)) {
                changes.remove((dir.isEmpty() ? "" : dir + "/") + base.substring(WHITEOUT.length()), true, true);
                continue;
            }
            // a directory replaces a lower file at its path; anything else replaces whatever was there, subtree included
            if (fs.holdsAtOrUnder(path)) changes.remove(path, true, !entry.isDirectory());
            if (!isRegularFile(entry)) continue; // directories, links, devices: no package data
            Optional<PackageFile> kind = PackageFile.of(path);
            if (kind.isPresent()) read(layer, kind.get(), path, entry.getSize(), tar, fs, changes);
        }
    }

    private void read(Descriptor layer, PackageFile kind, String path, long size, TarArchiveInputStream tar, ImageFilesystem fs, LayerChanges changes) {
        ImageFilesystem.Entry replaced;
        if (!kind.parsedInStream()) {
            try {
                replaced = changes.add(path, fs.extract(tar, path, size));
            } catch (IOException e) {
                throw new LayerException("extracting " + path + " of layer " + layer.digest() + " failed: " + e.getMessage(), e);
            }
        } else if (size > Math.min(limits.maxParsedFileBytes(), kind.maxBytes())) {
            log.info("{} in layer {} not analysed: {} is above the limit for such a file", path, layer.digest(), ScanLimits.mib(size));
            return;
        } else {
            try {
                replaced = changes.add(path, new ImageFilesystem.Parsed(kind.parse(path, tar)));
            } catch (LayerException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // one malformed jar or lockfile must not cost the image's other packages
                log.info("{} in layer {} not analysed: {}", path, layer.digest(), e.toString());
                return;
            }
        }
        fs.release(replaced);
    }

    /** By type flag: {@link TarArchiveEntry#isFile()} also says yes to symbolic links. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    private static TarArchiveEntry nextEntry(Descriptor layer, TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new LayerException("layer " + layer.digest() + " is not a valid tar archive: " + e.getMessage(), e);
        }
    }

    private static void verify(Descriptor layer, long bytes, MessageDigest sha256) {
        if (layer.size() >= 0 && bytes != layer.size()) {
            throw new LayerException("layer " + layer.digest() + " has " + bytes + " bytes; its manifest says " + layer.size(), null);
        }
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(layer.digest())) throw new LayerException("layer " + layer.digest() + " arrived with digest " + actual, null);
    }

    /** {@code ./usr/lib/x}, {@code /usr/lib/x/} → {@code usr/lib/x}. */
    static String normalise(String name) {
        String p = name;
        while (p.startsWith("./") || p.startsWith("/")) p = p.substring(p.charAt(0) == '.' ? 2 : 1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.equals(".") ? "" : p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Turns a failure of the layer stream itself (broken gzip, dropped connection) into a {@link LayerException},
     * so that a parser skipping one malformed file on {@link IOException} cannot mistake it for that.
     */
    private static final class Guarded extends FilterInputStream {
        private final Descriptor layer;

        Guarded(InputStream in, Descriptor layer) {
            super(in);
            this.layer = layer;
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private LayerException failed(IOException e) {
            return new LayerException("reading layer " + layer.digest() + " failed (broken gzip stream or connection): " + e.getMessage(), e);
        }
    }
}
