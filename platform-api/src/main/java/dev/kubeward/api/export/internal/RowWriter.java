package dev.kubeward.api.export.internal;

import dev.kubeward.api.export.ExportRow;

import java.io.IOException;

/** Writes one format: a header, a row at a time, a footer. Never holds more than the current row. */
public interface RowWriter {

    void begin() throws IOException;

    void row(ExportRow row) throws IOException;

    void end() throws IOException;
}
