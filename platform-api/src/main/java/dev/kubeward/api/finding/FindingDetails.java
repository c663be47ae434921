package dev.kubeward.api.finding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.finding.internal.FindingRows;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.Tenant;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** One finding with its evidence, its control's remediation and its history. */
@Service
public class FindingDetails {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    public FindingDetails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public FindingDetail get(long id) {
        UUID tenant = Tenant.current();
        List<FindingDetail> rows = jdbc.query("SELECT " + FindingRows.COLUMNS
                + ", f.rules, f.failed_paths, f.fix_paths, f.delete_paths, f.related" + FindingRows.FROM
                + " WHERE f.tenant_id = ? AND f.id = ?", (rs, i) -> detail(rs), tenant, id);
        if (rows.isEmpty()) throw new NotFoundException("finding", id);
        FindingDetail d = rows.get(0);
        List<FindingDetail.History> history = jdbc.query(
                "SELECT scan_id, change, at FROM finding_changes WHERE tenant_id = ? AND finding_id = ? ORDER BY at, scan_id",
                (rs, i) -> new FindingDetail.History(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3)), tenant, id);
        return new FindingDetail(d.finding(), d.controlDescription(), d.remediation(), d.rules(), d.failedPaths(), d.fixPaths(),
                d.deletePaths(), d.related(), history);
    }

    private static FindingDetail detail(ResultSet rs) throws SQLException {
        FindingSummary s = FindingRows.summary(rs);
        Optional<ControlDefinition> c = ControlCatalog.standard().control(s.controlId());
        Array rules = rs.getArray("rules");
        return new FindingDetail(s, c.map(ControlDefinition::description).orElse(""), c.map(ControlDefinition::remediation).orElse(""),
                rules == null ? List.of() : List.of((String[]) rules.getArray()), json(rs, "failed_paths"), json(rs, "fix_paths"),
                json(rs, "delete_paths"), json(rs, "related"), List.of());
    }

    static List<Object> json(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) return List.of();
        try {
            return JSON.readValue(text, LIST);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable " + column, e);
        }
    }
}
