package dev.kubeward.api.finding;

import dev.kubeward.api.finding.FindingSort.Order;
import dev.kubeward.api.finding.internal.Cursor;
import dev.kubeward.api.finding.internal.FindingRows;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.CursorPage;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.Paging;
import dev.kubeward.api.query.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Findings lists: numbered pages with a total for small lists, keyset pages (cursor) for any size. Both read
 * the same filter and order; the cursor carries the last row's sort keys, so new findings arriving while an
 * integration pages do not shift what it has not read yet.
 */
@Service
public class FindingQueries {

    private final JdbcTemplate jdbc;

    public FindingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<FindingSummary> page(FindingFilter filter, Order order, int page, int size) {
        return page(filter, order, page, size, null);
    }

    /**
     * A numbered page whose total the caller already knows from the per-scan summaries (e.g. a control's open findings
     * are its failed resources in the last scans); {@code knownTotal} null counts them, which at 3M findings reads
     * every match of the filter.
     */
    public PageResult<FindingSummary> page(FindingFilter filter, Order order, int page, int size, Long knownTotal) {
        Paging.check(page, size);
        FindingSql sql = FindingSql.of(filter, Tenant.current());
        Long total = knownTotal != null ? knownTotal
                : jdbc.queryForObject("SELECT count(*) FROM findings f WHERE " + sql.where(), Long.class, sql.args().toArray());
        List<FindingSummary> items = jdbc.query("SELECT " + FindingRows.COLUMNS + FindingRows.FROM + " WHERE " + sql.where()
                + " ORDER BY " + order.orderBy() + " LIMIT ? OFFSET ?", (rs, i) -> FindingRows.summary(rs),
                sql.argsWith(size, Paging.offset(page, size)));
        return new PageResult<>(items, page, size, total == null ? 0 : total);
    }

    /** A keyset page; {@code cursor} null or empty starts at the beginning. */
    public CursorPage<FindingSummary> scroll(FindingFilter filter, Order order, String cursor, int size) {
        Paging.check(0, size);
        List<String> keys = order.sort().keys();
        FindingSql sql = FindingSql.of(filter, Tenant.current());
        StringBuilder q = new StringBuilder("SELECT ").append(FindingRows.COLUMNS);
        for (int i = 0; i < keys.size(); i++) q.append(", ").append(keys.get(i)).append(" AS k").append(i);
        q.append(FindingRows.FROM).append(" WHERE ").append(sql.where());
        List<Object> args = new ArrayList<>(sql.args());
        if (cursor != null && !cursor.isBlank()) {
            List<Object> after = Cursor.decode(cursor, order.token(), keys.size());
            q.append(" AND (").append(String.join(", ", keys)).append(order.descending() ? ") < (" : ") > (")
                    .append("?, ".repeat(keys.size() - 1)).append("?)");
            for (int i = 0; i < keys.size(); i++) args.add(bind(keys.get(i), after.get(i)));
        }
        q.append(" ORDER BY ").append(order.orderBy()).append(" LIMIT ?");
        args.add(size + 1);
        List<Keyed> rows = jdbc.query(q.toString(), (rs, i) -> new Keyed(FindingRows.summary(rs), keysOf(rs, keys.size())), args.toArray());
        if (rows.size() <= size) return new CursorPage<>(rows.stream().map(Keyed::row).toList(), null);
        List<Keyed> page = rows.subList(0, size);
        return new CursorPage<>(page.stream().map(Keyed::row).toList(), Cursor.encode(order.token(), page.get(size - 1).keys()));
    }

    /** Every finding (open and resolved) of one object, most severe first. */
    public List<FindingSummary> forResource(UUID clusterId, String kind, String namespace, String name) {
        return jdbc.query("SELECT " + FindingRows.COLUMNS + FindingRows.FROM + " " + """
                 WHERE f.tenant_id = ? AND f.cluster_id = ? AND f.kind = ? AND f.namespace = ? AND f.name = ?
                 ORDER BY f.status, """ + FindingSql.SEVERITY_RANK + " DESC, f.control_id",
                (rs, i) -> FindingRows.summary(rs), Tenant.current(), clusterId, kind, namespace, name);
    }

    private record Keyed(FindingSummary row, List<Object> keys) {
    }

    private static List<Object> keysOf(ResultSet rs, int count) throws SQLException {
        List<Object> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object v = rs.getObject("k" + i);
            keys.add(v instanceof Timestamp t ? t.toInstant().toString() : v);
        }
        return keys;
    }

    private static Object bind(String key, Object value) {
        try {
            if (key.endsWith("_seen")) return Timestamp.from(Instant.parse(value.toString()));
            if (key.equals("f.id")) return ((Number) value).longValue();
            if (key.equals(FindingSql.SEVERITY_RANK)) return ((Number) value).intValue();
            return value.toString();
        } catch (RuntimeException e) {
            throw new BadRequestException("malformed cursor");
        }
    }
}
