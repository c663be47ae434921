package dev.kubeward.api.ui;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class YamlViewTest {

    private static Map<String, Object> deployment() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "api");
        container.put("image", "nginx:1.27");
        container.put("securityContext", new LinkedHashMap<>(Map.of("privileged", true)));
        Map<String, Object> body = new LinkedHashMap<>();
        // jsonb order: the view puts apiVersion, kind, metadata, spec first again
        body.put("spec", new LinkedHashMap<>(Map.of("template", new LinkedHashMap<>(Map.of("spec",
                new LinkedHashMap<>(Map.of("containers", new java.util.ArrayList<>(List.of(container)))))))));
        body.put("kind", "Deployment");
        body.put("metadata", new LinkedHashMap<>(Map.of("name", "api")));
        body.put("apiVersion", "apps/v1");
        return body;
    }

    @Test
    void marksTheFailedPathAndTheNearestParentOfAMissingOne() {
        List<YamlView.Line> lines = YamlView.lines(deployment(), List.of(
                "spec.template.spec.containers[0].securityContext.privileged",
                "spec.template.spec.containers[0].resources.limits.cpu"));
        assertThat(lines.get(0).text()).isEqualTo("apiVersion: apps/v1");
        assertThat(lines).filteredOn(l -> l.mark().equals("failed")).extracting(YamlView.Line::text)
                .containsExactly("        - name: api", "            privileged: true");
    }

    @Test
    void appliesFixesAndShowsThemSideBySide() {
        Map<String, Object> fixed = YamlView.applyFixes(deployment(), List.of(
                Map.of("path", "spec.template.spec.containers[0].securityContext.privileged", "value", "false"),
                Map.of("path", "spec.template.spec.containers[0].securityContext.runAsNonRoot", "value", "true")), List.of());
        List<YamlView.DiffRow> rows = YamlView.sideBySide(deployment(), fixed);
        assertThat(rows).filteredOn(r -> r.kind().equals("changed")).extracting(r -> r.right().text())
                .containsExactly("            privileged: false");
        assertThat(rows).filteredOn(r -> r.kind().equals("added")).extracting(r -> r.right().text())
                .containsExactly("            runAsNonRoot: true");
    }

    @Test
    void patchesNameListItemsSoKubectlFindsTheContainer() {
        String patch = YamlView.patch(deployment(), List.of(
                Map.of("path", "spec.template.spec.containers[0].securityContext.privileged", "value", "false")), List.of("spec.hostPID"));
        assertThat(patch).isEqualTo("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          securityContext:
                            privileged: false
                # remove spec.hostPID
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void appliesKubescapesBracketedLabelKeyAsOneLabel() {
        Map<String, Object> fixed = YamlView.applyFixes(deployment(), List.of(
                Map.of("path", "metadata.labels[app.kubernetes.io/name]", "value", "api")), List.of());
        assertThat((Map<String, Object>) ((Map<String, Object>) fixed.get("metadata")).get("labels"))
                .containsExactly(Map.entry("app.kubernetes.io/name", "api"));
    }
}
