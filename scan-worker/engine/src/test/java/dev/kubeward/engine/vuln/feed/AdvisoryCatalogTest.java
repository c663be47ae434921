package dev.kubeward.engine.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryCatalogTest {

    private static Path bundle() throws Exception {
        return Path.of(AdvisoryCatalogTest.class.getResource("/vuln/osv/bundle").toURI());
    }

    @Test
    void reimportingTheSameBundleChangesNothing() throws Exception {
        AdvisoryCatalog catalog = new AdvisoryCatalog();
        ImportResult first = catalog.importBundle(bundle());
        ImportResult second = catalog.importBundle(bundle());

        assertThat(first.added()).isEqualTo(10);
        assertThat(second).isEqualTo(new ImportResult(0, 0, 10, List.of()));
        assertThat(second.changedAnything()).isFalse();
    }

    @Test
    void importsAZipLikeTheDirectoryAndThenSeesNoChange(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("osv.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(bundle())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("all/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        AdvisoryCatalog catalog = new AdvisoryCatalog();
        catalog.importBundle(bundle());
        ImportResult fromZip = catalog.importBundle(zip);

        assertThat(fromZip.unchanged()).isEqualTo(10);
        assertThat(fromZip.changedAnything()).isFalse();
    }

    @Test
    void countsAChangedRecordAsUpdatedAndRejectsBrokenFiles() throws Exception {
        AdvisoryCatalog catalog = new AdvisoryCatalog();
        catalog.importBundle(bundle());
        String before = catalog.sha256("GO-2023-1571");

        ImportResult changed = catalog.importDocument("GO-2023-1571.json",
                "{\"id\":\"GO-2023-1571\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[]}"
                        .getBytes(StandardCharsets.UTF_8));
        ImportResult broken = catalog.importDocument("broken.json", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(changed.updated()).isEqualTo(1);
        assertThat(catalog.sha256("GO-2023-1571")).isNotEqualTo(before);
        assertThat(broken.rejected()).singleElement().asString().startsWith("broken.json: ");
        assertThat(catalog.size()).isEqualTo(10);
    }
}
