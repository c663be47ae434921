package dev.kubeward.api.ui;

import dev.kubeward.engine.fix.FieldPath;
import dev.kubeward.engine.fix.FixPatch;
import dev.kubeward.engine.fix.YamlLines;
import dev.kubeward.engine.rule.FixPath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manifest as YAML lines that know their field path ({@code spec.containers[0].securityContext.privileged},
 * the form findings use), so the resource page can mark failed paths and show the object with its fixes
 * applied next to the current one. The lines and the patch are the engine's ({@link YamlLines}, {@link FixPatch}),
 * so the page shows exactly what the CLI's JSON output carries.
 */
public final class YamlView {

    /** One line of YAML; {@code mark}: "" (plain), "failed", "added", "removed", "changed". */
    public record Line(int number, String text, String path, String mark) {
    }

    /** One row of a side-by-side diff; either side may be empty. */
    public record DiffRow(Line left, Line right, String kind) {
    }

    private YamlView() {
    }

    /** The object's lines, failed paths marked (a missing field marks its nearest existing parent). */
    public static List<Line> lines(Map<String, Object> body, Collection<String> failedPaths) {
        List<Line> raw = emit(body);
        Set<String> marks = nearestExisting(raw, failedPaths);
        List<Line> out = new ArrayList<>(raw.size());
        for (Line l : raw) out.add(new Line(l.number(), l.text(), l.path(), marks.contains(l.path()) && isHead(raw, l) ? "failed" : ""));
        return out;
    }

    /** A copy of {@code body} with fix paths set (values parsed as YAML scalars) and delete paths removed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> applyFixes(Map<String, Object> body, List<Map<String, Object>> fixPaths, Collection<String> deletePaths) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(body);
        for (Map<String, Object> fix : fixPaths) {
            Object path = fix.get("path");
            if (path == null) continue;
            FixPath fixPath = new FixPath(path.toString(), String.valueOf(fix.get("value")));
            set(copy, FieldPath.segments(fixPath.path()), fixPath.typedValue());
        }
        for (String d : deletePaths) remove(copy, FieldPath.segments(d));
        return copy;
    }

    /** Current and fixed YAML side by side, aligned by a longest-common-subsequence line diff. */
    public static List<DiffRow> sideBySide(Map<String, Object> current, Map<String, Object> fixed) {
        List<Line> a = emit(current), b = emit(fixed);
        int n = a.size(), m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i][j] = a.get(i).text().equals(b.get(j).text()) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        List<DiffRow> rows = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).text().equals(b.get(j).text())) {
                rows.add(new DiffRow(a.get(i++), b.get(j++), "same"));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removals first, so that a removed line and the added line replacing it pair up as one change
                Line l = a.get(i++);
                rows.add(new DiffRow(new Line(l.number(), l.text(), l.path(), "removed"), null, "removed"));
            } else {
                Line r = b.get(j++);
                rows.add(new DiffRow(null, new Line(r.number(), r.text(), r.path(), "added"), "added"));
            }
        }
        return pairChanges(rows);
    }

    /** The engine's ready-to-apply patch ({@link FixPatch}), from the fix paths as findings store them (path, value). */
    public static String patch(Map<String, Object> body, List<Map<String, Object>> fixPaths, Collection<String> deletePaths) {
        List<FixPath> fixes = fixPaths.stream().filter(f -> f.get("path") != null)
                .map(f -> new FixPath(f.get("path").toString(), String.valueOf(f.get("value")))).toList();
        return FixPatch.yaml(body, fixes, deletePaths);
    }

    private static List<Line> emit(Map<String, Object> body) {
        return YamlLines.of(body).stream().map(l -> new Line(l.number(), l.text(), l.path(), "")).toList();
    }

    // ---- paths -----------------------------------------------------------------------------------------

    /** For each failed path, itself if some line has it, else its nearest ancestor that has a line. */
    private static Set<String> nearestExisting(List<Line> lines, Collection<String> paths) {
        Set<String> present = new LinkedHashSet<>();
        lines.forEach(l -> present.add(l.path()));
        Set<String> out = new LinkedHashSet<>();
        for (String p : paths) {
            List<Object> segs = FieldPath.segments(p);
            for (int k = segs.size(); k > 0; k--) {
                String candidate = FieldPath.join(segs.subList(0, k));
                if (present.contains(candidate)) { out.add(candidate); break; }
            }
        }
        return out;
    }

    /** Only the first line of a path is marked (a block scalar's continuation lines share its path). */
    private static boolean isHead(List<Line> lines, Line l) {
        int idx = l.number() - 1;
        return idx == 0 || !lines.get(idx - 1).path().equals(l.path());
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object node, Object seg) {
        if (seg instanceof Integer i && node instanceof List<?> l) return i < l.size() ? l.get(i) : null;
        if (seg instanceof String s && node instanceof Map<?, ?> m) return ((Map<String, Object>) m).get(s);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> segs, Object value) {
        Object node = root;
        for (int k = 0; k < segs.size(); k++) {
            Object seg = segs.get(k);
            boolean last = k == segs.size() - 1;
            Object fresh = last ? value : segs.get(k + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            if (seg instanceof Integer i && node instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                while (list.size() <= i) list.add(new LinkedHashMap<String, Object>());
                if (last || !(list.get(i) instanceof Map || list.get(i) instanceof List)) list.set(i, fresh);
                node = list.get(i);
            } else if (seg instanceof String s && node instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                if (last || !(map.get(s) instanceof Map || map.get(s) instanceof List)) map.put(s, fresh);
                node = map.get(s);
            } else {
                return; // the path does not fit the object's shape: leave it
            }
        }
    }

    private static void remove(Object root, List<Object> segs) {
        if (segs.isEmpty()) return;
        Object parent = root;
        for (int k = 0; k < segs.size() - 1 && parent != null; k++) parent = get(parent, segs.get(k));
        Object last = segs.get(segs.size() - 1);
        if (last instanceof Integer i && parent instanceof List<?> l && i < l.size()) l.remove((int) i);
        else if (last instanceof String s && parent instanceof Map<?, ?> m) m.remove(s);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> c.put(k, deepCopy(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(deepCopy(v)));
            return c;
        }
        return o;
    }

    /** A removed line directly followed by an added one reads as one changed line. */
    private static List<DiffRow> pairChanges(List<DiffRow> rows) {
        List<DiffRow> out = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            DiffRow r = rows.get(k);
            if (r.kind().equals("removed") && k + 1 < rows.size() && rows.get(k + 1).kind().equals("added")) {
                DiffRow next = rows.get(k + 1);
                out.add(new DiffRow(new Line(r.left().number(), r.left().text(), r.left().path(), "changed"),
                        new Line(next.right().number(), next.right().text(), next.right().path(), "changed"), "changed"));
                k++;
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
