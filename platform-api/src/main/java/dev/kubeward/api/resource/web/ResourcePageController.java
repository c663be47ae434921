package dev.kubeward.api.resource.web;

import dev.kubeward.api.finding.FindingDetail;
import dev.kubeward.api.finding.FindingDetails;
import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.api.resource.ResourceQueries;
import dev.kubeward.api.resource.ResourceView;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.api.ui.YamlView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One object: its manifest with the failed paths marked, every finding on it, its related objects, and
 * the current manifest next to the one with all proposed fixes applied (finding to fix in one place).
 */
@UiPage
@Controller
class ResourcePageController {

    private final ResourceQueries resources;
    private final FindingDetails details;

    ResourcePageController(ResourceQueries resources, FindingDetails details) {
        this.resources = resources;
        this.details = details;
    }

    /** A finding with its evidence, for the findings table. */
    record Row(FindingSummary finding, List<String> failedPaths, List<String> fixes) {
    }

    @GetMapping("/resource")
    String resource(@RequestParam UUID cluster, @RequestParam String kind, @RequestParam(defaultValue = "") String namespace,
                    @RequestParam String name, Model model) {
        ResourceView r = resources.get(cluster, kind, namespace, name);
        Set<String> failed = new LinkedHashSet<>();
        List<Map<String, Object>> fixes = new ArrayList<>();
        Set<String> deletes = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        for (FindingSummary f : r.findings()) {
            if (!"open".equals(f.status())) {
                rows.add(new Row(f, List.of(), List.of()));
                continue;
            }
            FindingDetail d = details.get(f.id());
            List<String> paths = d.failedPaths().stream().map(ResourcePageController::path).toList();
            List<String> fixText = new ArrayList<>();
            for (Object o : d.fixPaths()) {
                if (o instanceof Map<?, ?> m && m.get("path") != null) {
                    Map<String, Object> fix = new LinkedHashMap<>();
                    fix.put("path", m.get("path"));
                    fix.put("value", m.get("value"));
                    fixes.add(fix);
                    fixText.add(m.get("path") + " = " + m.get("value"));
                }
            }
            d.deletePaths().forEach(o -> { deletes.add(path(o)); fixText.add("remove " + path(o)); });
            failed.addAll(paths);
            rows.add(new Row(f, paths, fixText));
        }
        Map<String, Object> fixed = YamlView.applyFixes(r.body(), fixes, deletes);
        long open = r.findings().stream().filter(f -> "open".equals(f.status())).count();
        model.addAttribute("r", r);
        model.addAttribute("rows", rows);
        model.addAttribute("openCount", open);
        model.addAttribute("lines", YamlView.lines(r.body(), failed));
        model.addAttribute("hasFixes", !fixes.isEmpty() || !deletes.isEmpty());
        model.addAttribute("diff", YamlView.sideBySide(r.body(), fixed));
        model.addAttribute("patch", YamlView.patch(r.body(), fixes, deletes));
        model.addAttribute("meta", Meta.of(r.body()));
        return "resource/index";
    }

    private static String path(Object o) {
        return o instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(o);
    }

    /** Identity facts from the manifest: labels, owner, images, service account. */
    record Meta(Map<String, String> labels, String ownerKind, String ownerName, List<String> images, String serviceAccount) {

        @SuppressWarnings("unchecked")
        static Meta of(Map<String, Object> body) {
            Map<String, Object> md = body.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, String> labels = new LinkedHashMap<>();
            if (md.get("labels") instanceof Map<?, ?> l) l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
            String ok = null, on = null;
            if (md.get("ownerReferences") instanceof List<?> refs && !refs.isEmpty() && refs.get(0) instanceof Map<?, ?> ref) {
                ok = String.valueOf(ref.get("kind"));
                on = String.valueOf(ref.get("name"));
            }
            Map<String, Object> pod = podSpec(body);
            List<String> images = new ArrayList<>();
            for (String key : List.of("initContainers", "containers")) {
                if (pod.get(key) instanceof List<?> cs) for (Object c : cs) if (c instanceof Map<?, ?> cm && cm.get("image") != null) images.add(String.valueOf(cm.get("image")));
            }
            Object sa = pod.get("serviceAccountName");
            return new Meta(labels, ok, on, images, sa == null ? null : String.valueOf(sa));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> podSpec(Map<String, Object> body) {
            Object spec = body.get("spec");
            if (!(spec instanceof Map<?, ?> s)) return Map.of();
            Map<String, Object> sm = (Map<String, Object>) s;
            if (sm.get("jobTemplate") instanceof Map<?, ?> jt && jt.get("spec") instanceof Map<?, ?> js) sm = (Map<String, Object>) js;
            if (sm.get("template") instanceof Map<?, ?> t && t.get("spec") instanceof Map<?, ?> ps) return (Map<String, Object>) ps;
            return sm.containsKey("containers") ? sm : Map.of();
        }
    }
}
