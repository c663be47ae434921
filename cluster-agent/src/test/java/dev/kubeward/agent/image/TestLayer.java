package dev.kubeward.agent.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds a layer tarball in memory, entries in the order they are added, the way image builders write them. */
public final class TestLayer {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    public TestLayer() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    public TestLayer file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestLayer file(String path, byte[] content) {
        TarArchiveEntry e = new TarArchiveEntry(path);
        e.setSize(content.length);
        return put(e, content);
    }

    public TestLayer dir(String path) {
        return put(new TarArchiveEntry(path.endsWith("/") ? path : path + "/"), new byte[0]);
    }

    public TestLayer symlink(String path, String target) {
        TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(target);
        return put(e, new byte[0]);
    }

    /** Deletes {@code path} of the layers below. */
    public TestLayer whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]);
    }

    /** Hides everything the layers below have in {@code dir}. */
    public TestLayer opaque(String dir) {
        return file(dir + "/.wh..wh..opq", new byte[0]);
    }

    public byte[] tar() {
        try {
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] gzip() {
        return gzip(tar());
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private TestLayer put(TarArchiveEntry e, byte[] content) {
        try {
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }
}
