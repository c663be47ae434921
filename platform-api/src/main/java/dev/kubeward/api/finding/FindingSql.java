package dev.kubeward.api.finding;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The WHERE clause of a {@link FindingFilter} over {@code findings f}, shared by lists, groups and exports so
 * they always agree on what a filter means. Always scoped to the tenant.
 */
public record FindingSql(String where, List<Object> args) {

    /** Must stay identical to the expression of the findings_keyset indexes (migration V202611261555). */
    public static final String SEVERITY_RANK = "(CASE f.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)";

    public static FindingSql of(FindingFilter filter, UUID tenant) {
        StringBuilder w = new StringBuilder("f.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        // One value binds as "= ?", not "= ANY(?)": same rows, but only then does the planner walk an index in ORDER BY order
        // (newest critical on the overview, one control's findings) instead of sorting every match.
        if (filter.clusters().size() == 1) { w.append(" AND f.cluster_id = ?"); args.add(filter.clusters().get(0)); }
        else if (!filter.clusters().isEmpty()) { w.append(" AND f.cluster_id = ANY(?)"); args.add(filter.clusters().toArray(UUID[]::new)); }
        List<String> controls = controls(filter);
        if (controls != null && controls.size() == 1) { w.append(" AND f.control_id = ?"); args.add(controls.get(0)); }
        else if (controls != null) { w.append(" AND f.control_id = ANY(?)"); args.add(controls.toArray(String[]::new)); }
        if (filter.severities().size() == 1) { w.append(" AND f.severity = ?"); args.add(filter.severities().get(0)); }
        else if (!filter.severities().isEmpty()) { w.append(" AND f.severity = ANY(?)"); args.add(filter.severities().toArray(String[]::new)); }
        if (filter.namespace() != null) { w.append(" AND f.namespace = ?"); args.add(filter.namespace()); }
        if (filter.kind() != null && !filter.kind().isBlank()) { w.append(" AND f.kind = ?"); args.add(filter.kind()); }
        if (!"all".equals(filter.status())) { w.append(" AND f.status = ?"); args.add(filter.status()); }
        if (filter.newSince() != null) { w.append(" AND f.first_seen >= ?"); args.add(Timestamp.from(filter.newSince())); }
        if (filter.q() != null && !filter.q().isBlank()) { w.append(" AND f.name ILIKE ? ESCAPE '\\'"); args.add("%" + like(filter.q().trim()) + "%"); }
        if (filter.excepted() != null) w.append(filter.excepted() ? " AND f.excepted_by IS NOT NULL" : " AND f.excepted_by IS NULL");
        return new FindingSql(w.toString(), args);
    }

    /** The control ids to keep: the given ones, narrowed to the framework's when both are set; null keeps all. */
    public static List<String> controls(FindingFilter filter) {
        if (filter.framework() == null || filter.framework().isBlank()) return filter.controls().isEmpty() ? null : filter.controls();
        Framework fw = ControlCatalog.standard().framework(filter.framework())
                .orElseThrow(() -> new BadRequestException("unknown framework " + filter.framework()));
        Set<String> ids = new LinkedHashSet<>(fw.controlIds());
        if (!filter.controls().isEmpty()) ids.retainAll(filter.controls());
        return List.copyOf(ids);
    }

    public Object[] argsWith(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
