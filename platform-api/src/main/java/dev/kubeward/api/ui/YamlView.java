package dev.kubeward.api.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A manifest as YAML lines that know their field path ({@code spec.containers[0].securityContext.privileged},
 * the form findings use), so the resource page can mark failed paths and show the object with its fixes
 * applied next to the current one. Jackson's YAML writer cannot say which line holds which field, hence
 * this small emitter.
 */
public final class YamlView {

    /** One line of YAML; {@code mark}: "" (plain), "failed", "added", "removed", "changed". */
    public record Line(int number, String text, String path, String mark) {
    }

    /** One row of a side-by-side diff; either side may be empty. */
    public record DiffRow(Line left, Line right, String kind) {
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9_./@:=+-]*");

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
            if (path != null) set(copy, segments(path.toString()), scalar(String.valueOf(fix.get("value"))));
        }
        for (String d : deletePaths) remove(copy, segments(d));
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

    /**
     * A strategic-merge patch with only the fixed fields: list items keep their {@code name} so that
     * {@code kubectl patch} finds the right container. Deleted paths are listed as comments.
     */
    @SuppressWarnings("unchecked")
    public static String patch(Map<String, Object> body, List<Map<String, Object>> fixPaths, Collection<String> deletePaths) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (Map<String, Object> fix : fixPaths) {
            Object path = fix.get("path");
            if (path == null) continue;
            List<Object> segs = segments(path.toString());
            Object src = body;
            Object dst = patch;
            for (int k = 0; k < segs.size(); k++) {
                Object seg = segs.get(k);
                boolean last = k == segs.size() - 1;
                Object nextSrc = get(src, seg);
                // two fixes that disagree on a node's shape (a value here, a map there): keep the first
                if (seg instanceof Integer ? !(dst instanceof List) : !(dst instanceof Map)) break;
                if (seg instanceof Integer idx) {
                    List<Object> list = (List<Object>) dst;
                    while (list.size() <= idx) list.add(new LinkedHashMap<String, Object>());
                    if (last) { list.set(idx, scalar(String.valueOf(fix.get("value")))); break; }
                    Object item = list.get(idx);
                    if (nextSrc instanceof Map<?, ?> m && m.get("name") != null && item instanceof Map<?, ?> im)
                        ((Map<String, Object>) im).putIfAbsent("name", m.get("name"));
                    dst = item;
                } else {
                    Map<String, Object> map = (Map<String, Object>) dst;
                    if (last) { map.put((String) seg, scalar(String.valueOf(fix.get("value")))); break; }
                    Object nextSeg = segs.get(k + 1);
                    dst = map.computeIfAbsent((String) seg, s -> nextSeg instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
                }
                src = nextSrc;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!patch.isEmpty()) emit(patch).forEach(l -> sb.append(l.text()).append('\n'));
        for (String d : deletePaths) sb.append("# remove ").append(d).append('\n');
        return sb.toString();
    }

    /** Plain YAML text of an object. */
    public static String text(Map<String, Object> body) {
        StringBuilder sb = new StringBuilder();
        emit(body).forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }

    // ---- emitter ---------------------------------------------------------------------------------------

    static List<Line> emit(Map<String, Object> body) {
        List<String[]> acc = new ArrayList<>();
        map(conventional(body), "", 0, acc);
        List<Line> out = new ArrayList<>(acc.size());
        for (int i = 0; i < acc.size(); i++) out.add(new Line(i + 1, acc.get(i)[0], acc.get(i)[1], ""));
        return out;
    }

    /**
     * PostgreSQL's jsonb keeps keys in its own order (shortest first); manifests read best in kubectl's:
     * apiVersion, kind, metadata (name, namespace, labels first), spec, then the rest, status last.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> conventional(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("apiVersion", "kind", "metadata", "spec")) if (body.containsKey(k)) out.put(k, body.get(k));
        body.forEach((k, v) -> { if (!k.equals("status")) out.putIfAbsent(k, v); });
        if (body.containsKey("status")) out.put("status", body.get("status"));
        if (out.get("metadata") instanceof Map<?, ?> md) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("name", "namespace", "labels", "annotations")) if (md.containsKey(k)) m.put(k, md.get(k));
            ((Map<String, Object>) md).forEach(m::putIfAbsent);
            out.put("metadata", m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void map(Map<String, Object> m, String path, int indent, List<String[]> out) {
        String pad = " ".repeat(indent);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            String key = pad + key(e.getKey()) + ":";
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child) {
                if (child.isEmpty()) out.add(new String[]{key + " {}", p});
                else { out.add(new String[]{key, p}); map((Map<String, Object>) child, p, indent + 2, out); }
            } else if (v instanceof List<?> list) {
                if (list.isEmpty()) out.add(new String[]{key + " []", p});
                else { out.add(new String[]{key, p}); list((List<Object>) list, p, indent + 2, out); }
            } else if (v instanceof String s && s.contains("\n")) {
                out.add(new String[]{key + " |", p});
                for (String line : s.stripTrailing().split("\n", -1)) out.add(new String[]{pad + "  " + line, p});
            } else {
                out.add(new String[]{key + " " + scalarText(v), p});
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void list(List<Object> l, String path, int indent, List<String[]> out) {
        String pad = " ".repeat(indent);
        for (int i = 0; i < l.size(); i++) {
            String p = path + "[" + i + "]";
            Object v = l.get(i);
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                int start = out.size();
                map((Map<String, Object>) child, p, indent + 2, out);
                String[] first = out.get(start);
                out.set(start, new String[]{pad + "- " + first[0].substring(indent + 2), p});
            } else if (v instanceof List<?> inner && !inner.isEmpty()) {
                out.add(new String[]{pad + "-", p});
                list((List<Object>) inner, p, indent + 2, out);
            } else {
                out.add(new String[]{pad + "- " + (v instanceof Map ? "{}" : v instanceof List ? "[]" : scalarText(v)), p});
            }
        }
    }

    private static String key(String k) {
        return PLAIN.matcher(k).matches() ? k : quote(k);
    }

    private static String scalarText(Object v) {
        if (v == null) return "null";
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        String s = v.toString();
        if (s.isEmpty() || !PLAIN.matcher(s).matches() || s.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?"))
            return quote(s);
        return s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- paths -----------------------------------------------------------------------------------------

    static List<Object> segments(String path) {
        List<Object> segs = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segs.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
            // label and annotation keys hold dots themselves (app.kubernetes.io/name): the rest is one key
            if (m.group(1) != null && (m.group(1).equals("labels") || m.group(1).equals("annotations")) && m.end() < path.length()
                    && path.charAt(m.end()) == '.') {
                segs.add(path.substring(m.end() + 1));
                break;
            }
        }
        return segs;
    }

    private static String join(List<Object> segs) {
        StringBuilder sb = new StringBuilder();
        for (Object s : segs) {
            if (s instanceof Integer i) sb.append('[').append(i).append(']');
            else { if (!sb.isEmpty()) sb.append('.'); sb.append(s); }
        }
        return sb.toString();
    }

    /** For each failed path, itself if some line has it, else its nearest ancestor that has a line. */
    private static Set<String> nearestExisting(List<Line> lines, Collection<String> paths) {
        Set<String> present = new LinkedHashSet<>();
        lines.forEach(l -> present.add(l.path()));
        Set<String> out = new LinkedHashSet<>();
        for (String p : paths) {
            List<Object> segs = segments(p);
            for (int k = segs.size(); k > 0; k--) {
                String candidate = join(segs.subList(0, k));
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

    private static Object scalar(String v) {
        if (v.equals("true") || v.equals("false")) return Boolean.valueOf(v);
        if (v.matches("-?\\d{1,9}")) return Integer.valueOf(v);
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) return v.substring(1, v.length() - 1);
        return v;
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
