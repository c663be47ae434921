package dev.kubeward.agent.image.analyse;

import dev.kubeward.agent.image.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rpm's sqlite database (a fixture made by rpm itself) and header blobs built by the format, including damaged ones. */
class RpmDatabaseTest {

    private static final OsRelease RHEL = new OsRelease("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)");

    @Test
    void readsEveryInstalledPackageOfARealDatabase(@TempDir Path dir) throws Exception {
        Path db = Files.write(dir.resolve("copy.sqlite"), Fixtures.rpmdb());

        assertThat(RpmDatabase.read(db, RHEL, "usr/lib/sysimage/rpm/rpmdb.sqlite")).extracting(p -> p.name() + " " + p.version() + " " + p.purl())
                .containsExactly("kw-hello 2:1.2.3-4.el9 pkg:rpm/redhat/kw-hello@1.2.3-4.el9?arch=x86_64&distro=rhel-9.4&epoch=2",
                        "kw-tools 0.9-1.el9 pkg:rpm/redhat/kw-tools@0.9-1.el9?arch=noarch&distro=rhel-9.4");
    }

    @Test
    void parsesAHeaderBuiltByTheFormat() {
        RpmHeader h = RpmHeader.parse(header(false));

        assertThat(h).isEqualTo(new RpmHeader("openssl-libs", "3.0.7", "27.el9", 1, "x86_64"));
    }

    @Test
    void refusesDamagedHeadersInsteadOfReadingOutOfBounds() {
        byte[] good = header(false);
        byte[] truncated = Arrays.copyOf(good, good.length - 5);
        byte[] hugeCount = good.clone();
        ByteBuffer.wrap(hugeCount).putInt(0, 0x7fffffff);
        byte[] badOffset = header(true);

        assertThatThrownBy(() -> RpmHeader.parse(new byte[] {0, 0, 0})).hasMessageContaining("too short");
        assertThatThrownBy(() -> RpmHeader.parse(truncated)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> RpmHeader.parse(hugeCount)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> RpmHeader.parse(badOffset)).hasMessageContaining("outside its");
    }

    /** A header blob: NAME, VERSION, RELEASE, EPOCH, ARCH; with {@code brokenOffset} the ARCH entry points past the data. */
    private static byte[] header(boolean brokenOffset) {
        String[] strings = {"openssl-libs", "3.0.7", "27.el9", "x86_64"};
        ByteBuffer data = ByteBuffer.allocate(256);
        int[] offsets = new int[4];
        for (int i = 0; i < 4; i++) {
            offsets[i] = data.position();
            data.put(strings[i].getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        }
        while (data.position() % 4 != 0) data.put((byte) 0);
        int epochOffset = data.position();
        data.putInt(1);
        int dl = data.position();
        ByteBuffer blob = ByteBuffer.allocate(8 + 5 * 16 + dl);
        blob.putInt(5).putInt(dl);
        entry(blob, RpmHeader.TAG_NAME, RpmHeader.TYPE_STRING, offsets[0]);
        entry(blob, RpmHeader.TAG_VERSION, RpmHeader.TYPE_STRING, offsets[1]);
        entry(blob, RpmHeader.TAG_RELEASE, RpmHeader.TYPE_STRING, offsets[2]);
        entry(blob, RpmHeader.TAG_EPOCH, RpmHeader.TYPE_INT32, epochOffset);
        entry(blob, RpmHeader.TAG_ARCH, RpmHeader.TYPE_STRING, brokenOffset ? dl + 100 : offsets[3]);
        blob.put(data.array(), 0, dl);
        return blob.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int offset) {
        b.putInt(tag).putInt(type).putInt(offset).putInt(1);
    }
}
