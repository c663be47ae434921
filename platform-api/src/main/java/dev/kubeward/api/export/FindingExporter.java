package dev.kubeward.api.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeward.api.export.internal.CsvRowWriter;
import dev.kubeward.api.export.internal.JsonRowWriter;
import dev.kubeward.api.export.internal.RowWriter;
import dev.kubeward.api.export.internal.SarifRowWriter;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingSql;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/**
 * Streams every finding a filter selects, in id order, as CSV, JSON or SARIF. NB: PostgreSQL only streams
 * rows with a fetch size inside a transaction (autocommit off), so the export holds its own read-only
 * connection; without it the driver would load all rows into memory first.
 */
@Service
public class FindingExporter {

    static final int FETCH_SIZE = 1000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String QUERY = """
            SELECT f.id, f.cluster_id, c.name AS cluster_name, f.control_id, f.severity, f.status, f.api_version, f.kind,
                   f.namespace, f.name, f.message, f.failed_paths::text, f.fix_paths::text, f.first_seen, f.last_seen,
                   f.resolved_at, f.excepted_by IS NOT NULL
              FROM findings f JOIN clusters c ON c.tenant_id = f.tenant_id AND c.id = f.cluster_id
             WHERE %s ORDER BY f.id
            """;

    private final DataSource dataSource;

    public FindingExporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the export to {@code out} in the caller's tenant scope; returns the number of findings written. */
    public long write(FindingFilter filter, ExportFormat format, OutputStream out) throws IOException {
        FindingSql sql = FindingSql.of(filter, Tenant.current());
        RowWriter writer = writer(format, filter, out);
        long[] count = {0};
        writer.begin();
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            con.setReadOnly(true);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(con, true));
            jdbc.setFetchSize(FETCH_SIZE);
            jdbc.query(QUERY.formatted(sql.where()), rs -> {
                try {
                    writer.row(new ExportRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), instant(rs, 16), rs.getBoolean(17)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            }, sql.args().toArray());
            con.rollback();
        } catch (SQLException e) {
            throw new IOException("export query failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.end();
        return count[0];
    }

    private static RowWriter writer(ExportFormat format, FindingFilter filter, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvRowWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            case JSON -> new JsonRowWriter(generator(out));
            case SARIF -> new SarifRowWriter(generator(out), rules(filter), version());
        };
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        return JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Every control the export can contain: the filter's controls, else the whole catalogue. */
    static List<ControlDefinition> rules(FindingFilter filter) {
        List<String> ids = FindingSql.controls(filter);
        if (ids == null) return ControlCatalog.standard().controls();
        var keep = new HashSet<>(ids);
        return ControlCatalog.standard().controls().stream().filter(c -> keep.contains(c.id())).toList();
    }

    private static String version() {
        String v = FindingExporter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
