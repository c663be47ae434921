package dev.kubeward.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.conformance.ConformanceFigures;
import dev.kubeward.engine.evaluation.RuleLibrary;
import dev.kubeward.engine.report.ControlCatalogDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KubewardCliTest {

    private static final String PRIVILEGED_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.25
                      securityContext:
                        privileged: true
            ---
            this: is: not: yaml: [
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              mode: fast
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int exit = KubewardCli.run(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonReportsThePrivilegedContainerWithPathFixPatchAndLocationAndTheBrokenDocumentAsSkipped() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), PRIVILEGED_DEPLOYMENT);
        Path report = dir.resolve("out.json");
        Run r = run("scan", manifest.toString(), "--format", "json", "--output", report.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode privileged = null;
        for (JsonNode result : json.path("results")) {
            if (result.path("controlId").asText().equals("C-0057")) privileged = result;
        }
        assertThat(privileged).as("C-0057 privileged container result").isNotNull();
        assertThat(privileged.path("status").asText()).isEqualTo("failed");
        assertThat(privileged.path("severity").asText()).isEqualTo("high");
        assertThat(privileged.path("resource").path("kind").asText()).isEqualTo("Deployment");
        assertThat(privileged.path("resource").path("namespace").asText()).isEqualTo("shop");
        assertThat(privileged.path("paths").toString()).contains("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(privileged.path("location").path("line").asInt()).isEqualTo(1);
        assertThat(privileged.path("patch").asText()).as("Kubescape fixes C-0057 by deleting the field")
                .isEqualTo("# remove spec.template.spec.containers[0].securityContext.privileged\n");
        JsonNode escalation = null;
        for (JsonNode result : json.path("results")) {
            if (result.path("controlId").asText().equals("C-0016")) escalation = result;
        }
        assertThat(escalation.path("patch").asText()).as("the fix, ready for kubectl patch").isEqualTo("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          securityContext:
                            allowPrivilegeEscalation: false
                            privileged: false
                """);
        assertThat(json.path("skipped").toString()).contains("broken YAML document");
        assertThat(json.path("frameworks").size()).isGreaterThan(10);
    }

    @Test
    void severityThresholdFailsTheRunAndSarifHasOneRulePerFailedControl() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), PRIVILEGED_DEPLOYMENT);
        Path sarif = dir.resolve("out.sarif");
        Run r = run("scan", manifest.toString(), "--format", "sarif", "--output", sarif.toString(), "--severity-threshold", "high");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("severity High or higher failed");

        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").findValuesAsText("id")).contains("C-0057").doesNotHaveDuplicates();
        JsonNode location = run.path("results").get(0).path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).endsWith("app.yaml");
    }

    @Test
    void complianceThresholdPassesWhenScoresAreHighEnoughAndFailsOtherwise() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), PRIVILEGED_DEPLOYMENT);
        assertThat(run("scan", manifest.toString(), "--framework", "NSA", "--compliance-threshold", "0").exit()).isZero();
        assertThat(run("scan", manifest.toString(), "--framework", "NSA", "--compliance-threshold", "100").exit()).isEqualTo(1);
    }

    @Test
    void unknownFrameworkIsAClearErrorNotAStackTrace() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), PRIVILEGED_DEPLOYMENT);
        Run r = run("scan", manifest.toString(), "--framework", "NoSuchFramework");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown framework 'NoSuchFramework'").doesNotContain("at dev.kubeward");
    }

    @Test
    void junitHasOneTestCasePerControlAndResource() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), PRIVILEGED_DEPLOYMENT);
        Run r = run("scan", manifest.toString(), "--format", "junit", "--framework", "NSA");
        assertThat(r.out()).contains("<testsuites").contains("classname=\"C-0057\" name=\"Deployment/shop/web\"").contains("<failure");
    }

    @Test
    void conformanceEndsWithOneSummaryLine() throws Exception {
        Path cases = Path.of(getClass().getResource("/conformance/regolibrary-cases.jsonl").toURI());
        Run r = run("conformance", cases.toString());
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(summary.path("cases").asInt()).isGreaterThan(600);
        assertThat(summary.path("agreed").asInt()).isLessThanOrEqualTo(summary.path("cases").asInt());
        assertThat(summary.path("disagreed").size()).isEqualTo(summary.path("cases").asInt() - summary.path("agreed").asInt());
    }

    @Test
    void conformanceRewritesTheFiguresTableOfAPageAndLeavesTheProseAlone() throws Exception {
        Path cases = Path.of(getClass().getResource("/conformance/regolibrary-cases.jsonl").toURI());
        Path page = Files.writeString(dir.resolve("conformance.md"), "# Figures\n\nbefore\n\n" + ConformanceFigures.START
                + "\n| stale | table |\n" + ConformanceFigures.END + "\n\nafter\n");

        Run r = run("conformance", cases.toString(), "--figures", page.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String written = Files.readString(page);
        assertThat(written).startsWith("# Figures\n\nbefore\n\n" + ConformanceFigures.START).endsWith(ConformanceFigures.END + "\n\nafter\n")
                .doesNotContain("stale").contains("| **Whole corpus** | 213 |");
        Path withoutTable = Files.writeString(dir.resolve("other.md"), "# no table here\n");
        Run refused = run("conformance", cases.toString(), "--figures", withoutTable.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("no figures table").doesNotContain("at dev.kubeward");
    }

    @Test
    void controlCatalogueInDocsIsGeneratedFromTheCode() throws Exception {
        Path doc = Path.of("..", "..", "docs", "controls.md");
        String generated = ControlCatalogDocument.render(ControlCatalog.standard(), RuleLibrary.standard());
        assertThat(Files.exists(doc)).as("docs/controls.md exists; regenerate with the catalog command").isTrue();
        assertThat(Files.readString(doc)).as("docs/controls.md is stale; regenerate with `scan-worker.jar catalog --output docs/controls.md`")
                .isEqualTo(generated);
    }
}
