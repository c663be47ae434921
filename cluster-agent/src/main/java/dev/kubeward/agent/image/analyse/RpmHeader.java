package dev.kubeward.agent.image.analyse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fields of an rpm header blob the analyser needs, read by the format rpm documents (rpm's
 * {@code docs/manual/format.md}, "Header"): a big-endian index count and data length, that many 16-byte index
 * entries (tag, type, offset into the data store, count), then the data store. The rpmdb stores each installed
 * package's header this way, without the 8-byte magic a header in an rpm file starts with.
 *
 * <p>Every offset is checked against the blob: a damaged header is refused, never read out of bounds.
 *
 * @param epoch null when the package has none (rpm treats that as 0)
 */
public record RpmHeader(String name, String version, String release, Integer epoch, String arch) {

    static final int TAG_NAME = 1000;
    static final int TAG_VERSION = 1001;
    static final int TAG_RELEASE = 1002;
    static final int TAG_EPOCH = 1003;
    static final int TAG_ARCH = 1022;
    static final int TYPE_INT32 = 4;
    static final int TYPE_STRING = 6;
    static final int TYPE_I18NSTRING = 9;
    private static final int ENTRY_BYTES = 16;
    /** rpm's own ceiling for index entries (HEADER_TAGS_MAX); a larger count is corruption. */
    private static final int MAX_ENTRIES = 0xffff;

    /** @throws IllegalArgumentException when the blob is not a well-formed header or lacks name, version or release */
    public static RpmHeader parse(byte[] blob) {
        if (blob.length < 8) throw new IllegalArgumentException("rpm header of " + blob.length + " bytes is too short");
        ByteBuffer buf = ByteBuffer.wrap(blob);
        int entries = buf.getInt(0);
        int dataLength = buf.getInt(4);
        long dataStart = 8L + (long) entries * ENTRY_BYTES;
        if (entries < 1 || entries > MAX_ENTRIES || dataLength < 0 || dataStart + dataLength > blob.length) {
            throw new IllegalArgumentException("rpm header with " + entries + " entries and " + dataLength + " data bytes does not fit its "
                    + blob.length + " bytes");
        }
        Store store = new Store(buf, (int) dataStart, dataLength);
        String name = null;
        String version = null;
        String release = null;
        Integer epoch = null;
        String arch = null;
        for (int i = 0; i < entries; i++) {
            int at = 8 + i * ENTRY_BYTES;
            int tag = buf.getInt(at);
            int type = buf.getInt(at + 4);
            int offset = buf.getInt(at + 8);
            switch (tag) {
                case TAG_NAME -> name = store.string(type, offset);
                case TAG_VERSION -> version = store.string(type, offset);
                case TAG_RELEASE -> release = store.string(type, offset);
                case TAG_EPOCH -> epoch = store.int32(type, offset);
                case TAG_ARCH -> arch = store.string(type, offset);
                default -> { }
            }
        }
        if (name == null || version == null || release == null) throw new IllegalArgumentException("rpm header without name, version or release");
        return new RpmHeader(name, version, release, epoch, arch);
    }

    /** The data store of one header. */
    private record Store(ByteBuffer buf, int start, int length) {

        String string(int type, int offset) {
            if (type != TYPE_STRING && type != TYPE_I18NSTRING) throw new IllegalArgumentException("rpm header string of type " + type);
            check(offset, 1);
            int end = start + offset;
            while (end < start + length && buf.get(end) != 0) end++;
            if (end == start + length) throw new IllegalArgumentException("rpm header string without its terminating NUL");
            byte[] bytes = new byte[end - start - offset];
            buf.get(start + offset, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Integer int32(int type, int offset) {
            if (type != TYPE_INT32) throw new IllegalArgumentException("rpm header integer of type " + type);
            check(offset, 4);
            return buf.getInt(start + offset);
        }

        private void check(int offset, int size) {
            if (offset < 0 || (long) offset + size > length) {
                throw new IllegalArgumentException("rpm header offset " + offset + " outside its " + length + " data bytes");
            }
        }
    }
}
