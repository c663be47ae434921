package dev.kubeward.engine.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class KevAndEpssLoaderTest {

    @Test
    void loadsTheKevCatalogue() throws Exception {
        KevCatalog kev = KevCatalog.load(getClass().getResourceAsStream("/vuln/feed/kev.json"));

        assertThat(kev.size()).isEqualTo(2);
        assertThat(kev.catalogVersion()).isEqualTo("2024.01.02");
        assertThat(kev.find("CVE-2021-44228")).hasValueSatisfying(e -> {
            assertThat(e.dateAdded()).isEqualTo("2021-12-10");
            assertThat(e.knownRansomwareUse()).isTrue();
        });
        assertThat(kev.contains("CVE-2023-5363")).isFalse();
    }

    @Test
    void loadsEpssCsvPlainOrGzipped() throws Exception {
        byte[] csv = getClass().getResourceAsStream("/vuln/feed/epss.csv").readAllBytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv);
        }
        for (byte[] data : new byte[][] {csv, gz.toByteArray()}) {
            EpssScores epss = EpssScores.load(new ByteArrayInputStream(data));
            assertThat(epss.scoreDate()).isEqualTo("2024-01-02T00:00:00+0000");
            assertThat(epss.size()).isEqualTo(3);
            assertThat(epss.find("CVE-2021-44228")).hasValue(new EpssScores.Score(0.97565, 0.99996));
        }
    }

    @Test
    void rejectsMalformedFeeds() {
        assertThatThrownBy(() -> EpssScores.load(new ByteArrayInputStream(
                "cve,epss,percentile\nCVE-1,abc,0.1\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> KevCatalog.load(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }
}
