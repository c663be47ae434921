package dev.kubeward.agent.image.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails, instead of silently truncating, once more than {@code limit} bytes were read: a truncated layer or
 * database would give a wrong SBOM that looks right. The failure is unchecked, so parsers that skip one
 * malformed file on {@link IOException} cannot swallow it.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) throw new LayerException(what + " exceeds the limit of " + ScanLimits.mib(limit), null);
    }
}
