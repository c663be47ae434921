package dev.kubeward.api.export;

import dev.kubeward.api.export.internal.CsvRowWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;

/**
 * A small list (clusters, exceptions) as a CSV download, quoted and defused as the findings export is
 * ({@link CsvRowWriter#cell}). Built in memory: these lists have hundreds of rows, not millions.
 */
public final class CsvTable {

    private final StringBuilder csv = new StringBuilder();

    private CsvTable(List<String> header) {
        row(header.toArray());
    }

    public static CsvTable of(String... header) {
        return new CsvTable(List.of(header));
    }

    public CsvTable row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) csv.append(',');
            csv.append(CsvRowWriter.cell(cells[i]));
        }
        csv.append("\r\n");
        return this;
    }

    /** As an attachment named {@code kubeward-<name>-<date>.csv}. */
    public ResponseEntity<String> download(String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kubeward-" + name + "-" + LocalDate.now() + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }
}
