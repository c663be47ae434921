package dev.kubeward.api.finding;

import dev.kubeward.api.query.BadRequestException;

import java.util.Arrays;
import java.util.List;

/**
 * Orders of the findings list. Every order ends in the id so it is total, which keyset paging needs.
 * Cursors over {@code severity} and {@code firstSeen} are stable while scans run (those columns never
 * change); {@code lastSeen} moves with every scan, so paging by it can skip or repeat rows.
 */
public enum FindingSort {
    SEVERITY("severity", List.of(FindingSql.SEVERITY_RANK, "f.first_seen", "f.id")),
    FIRST_SEEN("firstSeen", List.of("f.first_seen", "f.id")),
    LAST_SEEN("lastSeen", List.of("f.last_seen", "f.id")),
    NAME("name", List.of("f.name", "f.id"));

    private final String param;
    private final List<String> keys;

    FindingSort(String param, List<String> keys) {
        this.param = param;
        this.keys = keys;
    }

    public String param() {
        return param;
    }

    List<String> keys() {
        return keys;
    }

    /** {@code severity} ascending, {@code -severity} descending (the default). */
    public record Order(FindingSort sort, boolean descending) {

        public static final Order DEFAULT = new Order(SEVERITY, true);

        public static Order parse(String value) {
            if (value == null || value.isBlank()) return DEFAULT;
            boolean desc = value.startsWith("-");
            String name = desc ? value.substring(1) : value;
            return Arrays.stream(values()).filter(s -> s.param.equals(name)).findFirst().map(s -> new Order(s, desc))
                    .orElseThrow(() -> new BadRequestException("sort must be one of severity, firstSeen, lastSeen, name (prefix - for descending)"));
        }

        public String token() {
            return (descending ? "-" : "") + sort.param;
        }

        String orderBy() {
            String dir = descending ? " DESC" : " ASC";
            return String.join(dir + ", ", sort.keys) + dir;
        }
    }
}
