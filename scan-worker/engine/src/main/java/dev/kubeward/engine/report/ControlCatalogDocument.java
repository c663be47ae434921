package dev.kubeward.engine.report;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.evaluation.RuleLibrary;

import java.util.List;

/**
 * The control catalogue in docs/controls.md, generated from the code (never written twice): id, name,
 * severity, frameworks, what it checks, how to fix it, and how it is evaluated here.
 */
public final class ControlCatalogDocument {

    /** The external data Kubescape's image-vulnerability controls (C-0083, C-0084, C-0085) name. */
    static final String IMAGE_SCAN = "image vulnerability scan result";

    private ControlCatalogDocument() {
    }

    public static String render(ControlCatalog catalog, RuleLibrary library) {
        List<ControlDefinition> controls = catalog.controls();
        long evaluated = controls.stream().filter(c -> evaluation(c, library).equals("evaluated")).count();
        StringBuilder md = new StringBuilder();
        md.append("# Control catalogue\n\n");
        md.append("Generated from the code by `java -jar scan-worker/target/scan-worker.jar catalog --output docs/controls.md`; ")
                .append("a test fails when this file and the code disagree.\n\n");
        md.append(controls.size()).append(" controls, ").append(evaluated).append(" evaluated from the Kubernetes API; ")
                .append("the image-vulnerability ones are evaluated by the platform from the SBOMs it holds; the others need host or ")
                .append("cloud-provider data (shown as \"requires host / cloud data\", never as passed) or a human.\n\n");
        md.append("Frameworks: ");
        md.append(String.join(", ", catalog.frameworks().stream().map(f -> f.name() + " (" + f.controlIds().size() + ")").toList()));
        md.append("\n\n| Id | Name | Severity | Evaluation | Frameworks | What it checks | Remediation |\n|---|---|---|---|---|---|---|\n");
        for (ControlDefinition c : controls) {
            md.append("| ").append(c.id()).append(" | ").append(cell(c.name())).append(" | ").append(c.severity().label())
                    .append(" | ").append(evaluation(c, library)).append(" | ").append(cell(String.join(", ", c.frameworks())))
                    .append(" | ").append(cell(c.description())).append(" | ").append(cell(c.remediation())).append(" |\n");
        }
        return md.toString();
    }

    private static String evaluation(ControlDefinition c, RuleLibrary library) {
        if (c.manual()) return "manual";
        boolean any = c.rules().stream().anyMatch(library::has);
        if (any) return "evaluated";
        // the platform judges these from the SBOMs and advisories it holds; the engine alone never sees a CVE
        if (c.externalData().contains(IMAGE_SCAN)) return "evaluated by the platform from image SBOMs";
        return "requires host / cloud data";
    }

    private static String cell(String s) {
        String oneLine = s == null ? "" : s.replace('\n', ' ').replace("|", "\\|").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "…" : oneLine;
    }
}
