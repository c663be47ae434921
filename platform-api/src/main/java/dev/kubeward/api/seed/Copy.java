package dev.kubeward.api.seed;

import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/** Rows in PostgreSQL's COPY text format, sent in one round trip. */
final class Copy {

    private final String table;
    private final StringBuilder rows = new StringBuilder(1 << 20);
    private long count;

    Copy(String table) {
        this.table = table;
    }

    Copy row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) rows.append('\t');
            Object v = values[i];
            if (v == null) rows.append("\\N");
            else rows.append(v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
        }
        rows.append('\n');
        count++;
        return this;
    }

    long send(Connection con) throws SQLException {
        if (count == 0) return 0;
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        long n = count;
        rows.setLength(0);
        count = 0;
        return n;
    }
}
