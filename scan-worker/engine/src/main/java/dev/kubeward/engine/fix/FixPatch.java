package dev.kubeward.engine.fix;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.FixPath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ready-to-apply fix of a finding: a strategic-merge patch with only the fixed fields, for
 * {@code kubectl patch --type strategic --patch-file}. List items keep their {@code name} so that the API server
 * merges into the right container instead of replacing the list; paths to delete, which a strategic-merge patch
 * cannot express without {@code $patch} directives users rarely trust, are listed as comments.
 * The CLI's JSON output and the resource page show the same text.
 */
public final class FixPatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() { };

    private FixPatch() {
    }

    /** The patch for one failed result on its object; empty when the rule gave no fix. */
    public static String of(KubeObject object, ResourceResult result) {
        if (result.fixPaths().isEmpty() && result.deletePaths().isEmpty()) return "";
        return yaml(MAPPER.convertValue(object.json(), BODY), result.fixPaths(), result.deletePaths());
    }

    /** The patch for {@code body} (the object as maps and lists); empty when there is nothing to fix. */
    @SuppressWarnings("unchecked")
    public static String yaml(Map<String, Object> body, List<FixPath> fixes, Collection<String> deletePaths) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (FixPath fix : fixes) {
            List<Object> segs = FieldPath.segments(fix.path());
            Object src = body;
            Object dst = patch;
            for (int k = 0; k < segs.size(); k++) {
                Object seg = segs.get(k);
                boolean last = k == segs.size() - 1;
                Object nextSrc = child(src, seg);
                // two fixes that disagree on a node's shape (a value here, a map there): keep the first
                if (seg instanceof Integer ? !(dst instanceof List) : !(dst instanceof Map)) break;
                if (seg instanceof Integer idx) {
                    List<Object> list = (List<Object>) dst;
                    while (list.size() <= idx) list.add(new LinkedHashMap<String, Object>());
                    if (last) { list.set(idx, fix.typedValue()); break; }
                    Object item = list.get(idx);
                    if (nextSrc instanceof Map<?, ?> m && m.get("name") != null && item instanceof Map<?, ?> im)
                        ((Map<String, Object>) im).putIfAbsent("name", m.get("name"));
                    dst = item;
                } else {
                    Map<String, Object> map = (Map<String, Object>) dst;
                    if (last) { map.put((String) seg, fix.typedValue()); break; }
                    Object nextSeg = segs.get(k + 1);
                    dst = map.computeIfAbsent((String) seg, s -> nextSeg instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
                }
                src = nextSrc;
            }
        }
        dropPlaceholders(patch);
        StringBuilder sb = new StringBuilder();
        if (!patch.isEmpty()) sb.append(YamlLines.text(patch));
        for (String d : deletePaths) sb.append("# remove ").append(d).append('\n');
        return sb.toString();
    }

    /**
     * Items no fix touched were only there to reach a later index; the API server would refuse them in a
     * strategic-merge patch (an item without its merge key {@code name}), and named items merge by name, not position.
     */
    private static void dropPlaceholders(Object node) {
        if (node instanceof Map<?, ?> m) m.values().forEach(FixPatch::dropPlaceholders);
        if (node instanceof List<?> l) {
            l.removeIf(item -> item instanceof Map<?, ?> im && im.isEmpty());
            l.forEach(FixPatch::dropPlaceholders);
        }
    }

    private static Object child(Object node, Object seg) {
        if (seg instanceof Integer i && node instanceof List<?> l) return i < l.size() ? l.get(i) : null;
        if (seg instanceof String s && node instanceof Map<?, ?> m) return m.get(s);
        return null;
    }
}
