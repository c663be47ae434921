package dev.kubeward.engine.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field paths of findings ({@code spec.template.spec.containers[0].securityContext.privileged}) as segments:
 * a {@link String} per key (also {@code [key]}), an {@link Integer} per list index.
 */
public final class FieldPath {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[([^\\]]+)]");

    private FieldPath() {
    }

    public static List<Object> segments(String path) {
        List<Object> segs = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            // Kubescape writes keys that hold dots in brackets: metadata.labels[app.kubernetes.io/name]
            segs.add(m.group(1) != null ? m.group(1) : m.group(2).matches("\\d+") ? Integer.valueOf(m.group(2)) : m.group(2));
            // label and annotation keys hold dots themselves (app.kubernetes.io/name): the rest is one key
            if (m.group(1) != null && (m.group(1).equals("labels") || m.group(1).equals("annotations")) && m.end() < path.length()
                    && path.charAt(m.end()) == '.') {
                segs.add(path.substring(m.end() + 1));
                break;
            }
        }
        return segs;
    }

    public static String join(List<Object> segs) {
        StringBuilder sb = new StringBuilder();
        for (Object s : segs) {
            if (s instanceof Integer i) sb.append('[').append(i).append(']');
            else { if (!sb.isEmpty()) sb.append('.'); sb.append(s); }
        }
        return sb.toString();
    }
}
