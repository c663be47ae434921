package dev.kubeward.api.finding.internal;

import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** The columns of a findings list row and how to read them. */
public final class FindingRows {

    public static final String COLUMNS = """
            f.id, f.cluster_id, c.name AS cluster_name, f.control_id, f.severity, f.status, f.api_version, f.kind,
            f.namespace, f.name, f.message, f.first_seen, f.last_seen, f.resolved_at, f.excepted_by IS NOT NULL AS excepted
            """;
    public static final String FROM = " FROM findings f JOIN clusters c ON c.tenant_id = f.tenant_id AND c.id = f.cluster_id";

    private FindingRows() {
    }

    public static FindingSummary summary(ResultSet rs) throws SQLException {
        String controlId = rs.getString("control_id");
        return new FindingSummary(rs.getLong("id"), rs.getObject("cluster_id", UUID.class), rs.getString("cluster_name"), controlId,
                controlName(controlId), rs.getString("severity"), rs.getString("status"), rs.getString("api_version"),
                rs.getString("kind"), rs.getString("namespace"), rs.getString("name"), rs.getString("message"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "resolved_at"), rs.getBoolean("excepted"));
    }

    public static String controlName(String controlId) {
        return ControlCatalog.standard().control(controlId).map(ControlDefinition::name).orElse(controlId);
    }
}
