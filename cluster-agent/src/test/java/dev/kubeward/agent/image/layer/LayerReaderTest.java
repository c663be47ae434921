package dev.kubeward.agent.image.layer;

import dev.kubeward.agent.image.Fixtures;
import dev.kubeward.agent.image.TestImage;
import dev.kubeward.agent.image.TestLayer;
import dev.kubeward.agent.image.analyse.Package;
import dev.kubeward.agent.image.registry.Descriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Layers applied one over the other as a container runtime would, within the limits, failing clearly otherwise. */
class LayerReaderTest {

    private static final String GZIP = TestImage.OCI_GZIP_LAYER;
    @TempDir Path workDir;
    private ImageFilesystem fs;
    private final LayerReader reader = new LayerReader(ScanLimits.DEFAULT);

    @BeforeEach
    void open() {
        fs = new ImageFilesystem(workDir, ScanLimits.DEFAULT.maxDiskBytes());
    }

    @AfterEach
    void close() {
        fs.close();
    }

    @Test
    void aWhiteoutRemovesThePackageDatabaseOfALowerLayer() {
        apply(reader, new TestLayer().file("etc/os-release", Fixtures.DEBIAN_OS_RELEASE).file("var/lib/dpkg/status", Fixtures.DPKG_STATUS).gzip());
        assertThat(fs.extractedFiles()).containsOnlyKeys("etc/os-release", "var/lib/dpkg/status");

        apply(reader, new TestLayer().whiteout("var/lib/dpkg/status").gzip());

        assertThat(fs.extractedFiles()).containsOnlyKeys("etc/os-release");
        assertThat(scratchFiles()).as("the deleted database's copy is gone from disk too").isEqualTo(1);
    }

    @Test
    void anOpaqueWhiteoutHidesLowerContentButNotTheLayersOwn() {
        apply(reader, new TestLayer().file("app/lib/old.jar", Fixtures.jar("org.example", "old", "1.0", "A.class"))
                .file("app/lib/kept-elsewhere.jar", Fixtures.jar("org.example", "gone", "1.0", "B.class"))
                .file("opt/tool.jar", Fixtures.jar("org.example", "tool", "2.0", "C.class")).gzip());

        // the opaque marker after the layer's own file: order in the tar must not matter
        apply(reader, new TestLayer().file("app/lib/new.jar", Fixtures.jar("org.example", "new", "2.0", "D.class")).opaque("app").gzip());

        assertThat(fs.parsedPackages()).extracting(Package::name).containsExactlyInAnyOrder("new", "tool");
    }

    @Test
    void aFileReplacedByALinkOrADirectoryByAFileIsGone() {
        apply(reader, new TestLayer().file("etc/os-release", Fixtures.ALPINE_OS_RELEASE)
                .file("srv/node_modules/left-pad/package.json", Fixtures.packageJson("left-pad", "1.3.0")).gzip());

        apply(reader, new TestLayer().symlink("etc/os-release", "../usr/lib/os-release").file("srv/node_modules", "now a file").gzip());

        assertThat(fs.extractedFiles()).isEmpty();
        assertThat(fs.parsedPackages()).isEmpty();
    }

    @Test
    void aLayerAboveTheSizeLimitFailsBeforeItIsRead() {
        byte[] layer = new TestLayer().file("a", "a").gzip();
        Descriptor declaredHuge = new Descriptor(GZIP, TestImage.digest(layer), 3L * 1024 * 1024 * 1024);

        assertThatThrownBy(() -> reader.check(declaredHuge)).isInstanceOf(LayerException.class)
                .hasMessageContaining("is 3072 MiB, above the limit of 2048 MiB");
    }

    @Test
    void aLayerLargerThanItsManifestSaysOrThanTheLimitFails() {
        byte[] layer = new TestLayer().file("data", new byte[4096]).gzip();
        LayerReader small = new LayerReader(ScanLimits.DEFAULT.withMaxLayerBytes(layer.length - 1L));

        assertThatThrownBy(() -> small.apply(new Descriptor(GZIP, TestImage.digest(layer), -1), new ByteArrayInputStream(layer), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> reader.apply(new Descriptor(GZIP, TestImage.digest(layer), layer.length - 10L), new ByteArrayInputStream(layer), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("its manifest says");
    }

    @Test
    void aGzipBombIsStoppedAtTheUnpackedLimit() {
        byte[] bomb = new TestLayer().file("zeros", new byte[8 * 1024 * 1024]).gzip();
        LayerReader bounded = new LayerReader(new ScanLimits(1 << 30, 1024 * 1024, 1 << 20, 1 << 20));

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> bounded.apply(new Descriptor(GZIP, TestImage.digest(bomb), bomb.length), new ByteArrayInputStream(bomb), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("unpacked exceeds the limit of 1 MiB");
    }

    @Test
    void brokenGzipTruncatedDownloadsAndWrongDigestsFailWithTheReason() {
        byte[] garbage = "not gzip".getBytes(StandardCharsets.UTF_8);
        byte[] layer = new TestLayer().file("var/lib/dpkg/status", Fixtures.DPKG_STATUS).file("filler", new byte[200_000]).gzip();
        byte[] truncated = Arrays.copyOf(layer, layer.length / 2);
        byte[] other = new TestLayer().file("x", "y").gzip();

        assertThatThrownBy(() -> reader.apply(new Descriptor(GZIP, TestImage.digest(garbage), garbage.length), new ByteArrayInputStream(garbage), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("is not valid gzip");
        assertThatThrownBy(() -> reader.apply(new Descriptor(GZIP, TestImage.digest(layer), layer.length), new ByteArrayInputStream(truncated), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("layer " + TestImage.digest(layer));
        assertThatThrownBy(() -> reader.apply(new Descriptor(GZIP, TestImage.digest(layer), other.length), new ByteArrayInputStream(other), fs))
                .isInstanceOf(LayerException.class).hasMessageContaining("arrived with digest " + TestImage.digest(other));
        assertThat(fs.extractedFiles()).as("nothing of a failed layer is applied").isEmpty();
    }

    @Test
    void extractedFilesMustFitTheDiskBudget() {
        byte[] layer = new TestLayer().file("var/lib/rpm/rpmdb.sqlite", new byte[300_000]).gzip();
        try (ImageFilesystem tight = new ImageFilesystem(workDir, 100_000)) {
            assertThatThrownBy(() -> reader.apply(new Descriptor(GZIP, TestImage.digest(layer), layer.length), new ByteArrayInputStream(layer), tight))
                    .isInstanceOf(LayerException.class).hasMessageContaining("does not fit the disk budget");
        }
    }

    @Test
    void uncompressedTarLayersAreReadAndZstdLayersRefusedByName() {
        byte[] tar = new TestLayer().file("./usr/lib/os-release", Fixtures.UBI_OS_RELEASE).tar();
        reader.apply(new Descriptor("application/vnd.oci.image.layer.v1.tar", TestImage.digest(tar), tar.length), new ByteArrayInputStream(tar), fs);

        assertThat(fs.extractedFiles()).containsOnlyKeys("usr/lib/os-release");
        assertThatThrownBy(() -> reader.check(new Descriptor("application/vnd.oci.image.layer.v1.tar+zstd", TestImage.digest(tar), 1)))
                .hasMessageContaining("'application/vnd.oci.image.layer.v1.tar+zstd'; only tar and tar+gzip");
    }

    private void apply(LayerReader r, byte[] gzipLayer) {
        r.apply(new Descriptor(GZIP, TestImage.digest(gzipLayer), gzipLayer.length), new ByteArrayInputStream(gzipLayer), fs);
    }

    private long scratchFiles() {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
