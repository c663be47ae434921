package dev.kubeward.engine.fix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An object as YAML lines that know their field path, so a page can mark failed paths and a patch reads like
 * the manifest it patches. Jackson's YAML writer cannot say which line holds which field, hence this small emitter.
 */
public final class YamlLines {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9_./@:=+-]*");

    private YamlLines() {
    }

    public static List<YamlLine> of(Map<String, Object> body) {
        List<String[]> acc = new ArrayList<>();
        map(conventional(body), "", 0, acc);
        List<YamlLine> out = new ArrayList<>(acc.size());
        for (int i = 0; i < acc.size(); i++) out.add(new YamlLine(i + 1, acc.get(i)[0], acc.get(i)[1]));
        return out;
    }

    /** Plain YAML text of an object, one line per {@link YamlLine}. */
    public static String text(Map<String, Object> body) {
        StringBuilder sb = new StringBuilder();
        of(body).forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
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
}
