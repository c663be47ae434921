package dev.kubeward.api.compliance.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kubeward.api.compliance.ControlTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control summaries of single scans, kept in memory, and their sums. Tenant-wide compliance adds up every
 * cluster's last scan (500 clusters × 335 controls = 167k summaries); reading them all on every page took 100–300 ms,
 * while between two pages usually a handful of clusters has a new scan. A scan's summaries change only with its
 * {@code scans.tallies_version}, which is part of the key: a bumped version is a miss, never a stale hit.
 */
@Component
public class ScanTallies {

    /** Enough for the last scans of a few thousand clusters; about 8 KB each. */
    private static final int MAX_SCANS = 4_000;
    private static final String NOT_APPLICABLE = "not-applicable";

    /** One cluster's last scan, as the caller found it; the key of its cached summaries. */
    record LastScan(UUID tenant, UUID clusterId, UUID scanId, int version) {
    }

    /** A scan's summaries as parallel arrays over {@link #controlIndex} positions: summing them is array arithmetic. */
    private record Counts(int[] controls, String[] status, int[] failed, int[] passed, int[] excepted) {
    }

    private final JdbcTemplate jdbc;
    private final Cache<LastScan, Counts> cache = Caffeine.newBuilder().maximumSize(MAX_SCANS).expireAfterAccess(Duration.ofHours(1)).build();
    /** Control id → position, for every control any cached scan has (custom controls included); only grows. */
    private final Map<String, Integer> controlIndex = new ConcurrentHashMap<>();
    private final List<String> controlIds = new ArrayList<>();

    public ScanTallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scans' summaries summed per control, as {@link ControlTally#sum} sums them: failed if any failed, passed if
     * anything was evaluated, else the first status that is not {@code not-applicable} in the order of {@code scans}.
     * {@code wanted} null keeps every control. All scans are of one tenant.
     */
    Map<String, ControlTally> sum(List<LastScan> scans, Set<String> wanted) {
        List<Counts> counts = counts(scans);
        int size = controlCount();
        long[] failed = new long[size], passed = new long[size], excepted = new long[size];
        String[] first = new String[size];
        boolean[] seen = new boolean[size];
        for (Counts c : counts) {
            for (int i = 0; i < c.controls().length; i++) {
                int at = c.controls()[i];
                seen[at] = true;
                failed[at] += c.failed()[i];
                passed[at] += c.passed()[i];
                excepted[at] += c.excepted()[i];
                if (first[at] == null && !NOT_APPLICABLE.equals(c.status()[i])) first[at] = c.status()[i];
            }
        }
        Map<String, ControlTally> out = new HashMap<>();
        for (int at = 0; at < size; at++) {
            if (!seen[at]) continue;
            String id = controlId(at);
            if (wanted != null && !wanted.contains(id)) continue;
            String status = failed[at] > 0 ? "failed" : passed[at] + excepted[at] > 0 ? "passed" : first[at] == null ? NOT_APPLICABLE : first[at];
            out.put(id, new ControlTally(status, failed[at], passed[at], excepted[at]));
        }
        return out;
    }

    /** Each scan's counts, in the order given; one query for those not in memory. */
    private List<Counts> counts(List<LastScan> scans) {
        Map<LastScan, Counts> found = new HashMap<>(cache.getAllPresent(scans));
        List<LastScan> missing = scans.stream().filter(s -> !found.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            Map<UUID, LastScan> byScan = new HashMap<>();
            missing.forEach(s -> byScan.put(s.scanId(), s));
            Map<LastScan, List<Object[]>> rows = new HashMap<>();
            jdbc.query("""
                    SELECT scan_id, control_id, status, failed, passed, excepted FROM scan_control_summaries
                     WHERE tenant_id = ? AND scan_id = ANY(?)""", rs -> {
                rows.computeIfAbsent(byScan.get(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(new Object[] {rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)});
            }, missing.get(0).tenant(), byScan.keySet().toArray(UUID[]::new));
            for (LastScan s : missing) {
                Counts c = fromRows(rows.getOrDefault(s, List.of()));
                cache.put(s, c);
                found.put(s, c);
            }
        }
        return scans.stream().map(found::get).toList();
    }

    private Counts fromRows(List<Object[]> rows) {
        int n = rows.size();
        Counts c = new Counts(new int[n], new String[n], new int[n], new int[n], new int[n]);
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            c.controls()[i] = indexOf((String) r[0]);
            c.status()[i] = ((String) r[1]).intern();
            c.failed()[i] = (Integer) r[2];
            c.passed()[i] = (Integer) r[3];
            c.excepted()[i] = (Integer) r[4];
        }
        return c;
    }

    private int indexOf(String controlId) {
        return controlIndex.computeIfAbsent(controlId, id -> {
            synchronized (controlIds) {
                controlIds.add(id);
                return controlIds.size() - 1;
            }
        });
    }

    private int controlCount() {
        synchronized (controlIds) {
            return controlIds.size();
        }
    }

    private String controlId(int at) {
        synchronized (controlIds) {
            return controlIds.get(at);
        }
    }
}
