package dev.kubeward.api.export.internal;

import dev.kubeward.api.export.ExportRow;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV. NB: cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as
 * formulas (object names and messages come from clusters, which users do not fully control).
 */
public final class CsvRowWriter implements RowWriter {

    static final String HEADER = "id,cluster_id,cluster,control_id,control,severity,status,api_version,kind,namespace,name,"
            + "message,failed_paths,fix_paths,first_seen,last_seen,resolved_at,excepted";

    private final Writer out;

    public CsvRowWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void row(ExportRow r) throws IOException {
        Object[] cells = {r.id(), r.clusterId(), r.clusterName(), r.controlId(), ExportControls.name(r.controlId()), r.severity(),
                r.status(), r.apiVersion(), r.kind(), r.namespace(), r.name(), r.message(), r.failedPathsJson(), r.fixPathsJson(),
                r.firstSeen(), r.lastSeen(), r.resolvedAt(), r.excepted()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    public static String cell(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) s = "'" + s;
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
