package dev.kubeward.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.exception.ExceptionFile;
import dev.kubeward.engine.exception.Exceptions;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.report.JsonReport;
import dev.kubeward.engine.report.JunitReport;
import dev.kubeward.engine.report.SarifReport;
import dev.kubeward.engine.report.ScanReport;
import dev.kubeward.engine.report.TableReport;
import dev.kubeward.engine.rule.ControlInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scan PATH...}: manifests in, findings out, as {@code kubescape scan} does. Exit 1 when a threshold is crossed. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan YAML/JSON manifests (files or directories; multi-document, List kinds, Helm output).")
final class ScanCommand implements Callable<Integer> {

    enum Format { table, json, sarif, junit }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to scan.")
    List<Path> paths;

    @Option(names = "--framework", paramLabel = "NAME", description = "Framework to evaluate (repeatable); default: all controls.")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--compliance-threshold", paramLabel = "N", description = "Exit 1 when a framework scores below N percent.")
    Double complianceThreshold;

    @Option(names = "--severity-threshold", paramLabel = "LEVEL", description = "Exit 1 when a control of this severity or higher fails (low, medium, high, critical).")
    String severityThreshold;

    @Option(names = "--control-inputs", paramLabel = "FILE", description = "JSON object of control input name → values, overriding Kubescape's defaults.")
    Path controlInputs;

    @Option(names = "--include-passed", description = "List passed resources too (JSON output).")
    boolean includePassed;

    @Option(names = "--exceptions", paramLabel = "FILE", description = "Kubescape exception file (postureExceptionPolicy list): accepted risks count as passed and are shown as excepted.")
    Path exceptions;

    @Override
    public Integer call() throws Exception {
        ControlCatalog catalog = ControlCatalog.standard();
        List<Framework> selected = new ArrayList<>();
        for (String name : frameworks) {
            selected.add(catalog.framework(name).orElseThrow(() -> new IllegalArgumentException("unknown framework '" + name
                    + "'; known: " + catalog.frameworks().stream().map(Framework::name).toList())));
        }
        Severity severity = severityThreshold == null ? null : parseSeverity(severityThreshold);
        ControlInputs inputs = ControlInputs.defaults();
        if (controlInputs != null) inputs = inputs.with(new ObjectMapper().readTree(controlInputs.toFile()));

        ManifestReader.Result read = new ManifestReader().read(paths);
        List<ControlDefinition> controls = selectControls(catalog, selected);
        ScanResult raw = Evaluator.standard().evaluate(Snapshot.of(read.objects()), inputs, controls);
        List<SkippedInput> skipped = new ArrayList<>(read.skipped());
        skipped.addAll(raw.skipped());
        ScanResult result = new ScanResult(raw.cluster(), raw.objectCount(), raw.controls(), skipped);
        if (exceptions != null) result = Exceptions.apply(result, ExceptionFile.read(exceptions));
        List<Framework> reported = selected.isEmpty() ? catalog.frameworks() : selected;
        ScanReport report = ScanReport.of(result, reported, read.objects());

        String text = switch (format) {
            case table -> TableReport.render(report);
            case json -> JsonReport.render(report, includePassed);
            case sarif -> SarifReport.render(report, KubewardCli.VERSION);
            case junit -> JunitReport.render(report);
        };
        if (output != null) Files.writeString(output, text, StandardCharsets.UTF_8);
        else spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();

        int exit = 0;
        if (complianceThreshold != null) {
            for (ScanReport.FrameworkScore fs : report.frameworkScores()) {
                if (fs.score().isPresent() && fs.score().getAsDouble() < complianceThreshold) {
                    spec.commandLine().getErr().printf("%s scores %.2f%%, below the threshold of %.2f%%%n", fs.framework().name(),
                            fs.score().getAsDouble(), complianceThreshold);
                    exit = 1;
                }
            }
        }
        if (severity != null) {
            long failing = result.controls().stream().filter(c -> c.failedCount() > 0 && c.control().severity().atLeast(severity)).count();
            if (failing > 0) {
                spec.commandLine().getErr().printf("%d control(s) of severity %s or higher failed%n", failing, severity.label());
                exit = 1;
            }
        }
        return exit;
    }

    private static Severity parseSeverity(String s) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "'; use low, medium, high or critical");
        }
    }

    private static List<ControlDefinition> selectControls(ControlCatalog catalog, List<Framework> frameworks) {
        if (frameworks.isEmpty()) return catalog.controls();
        Set<String> ids = new LinkedHashSet<>();
        frameworks.forEach(f -> ids.addAll(f.controlIds()));
        return ids.stream().map(catalog::control).flatMap(java.util.Optional::stream).toList();
    }

    static long failedCount(ControlResult c) {
        return c.failedCount();
    }
}
