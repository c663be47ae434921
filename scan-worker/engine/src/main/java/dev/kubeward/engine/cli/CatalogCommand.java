package dev.kubeward.engine.cli;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.report.ControlCatalogDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code catalog}: the control catalogue as Markdown, generated from the code (docs/controls.md). */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Print the control catalogue (Markdown).")
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String md = ControlCatalogDocument.render(ControlCatalog.standard(), dev.kubeward.engine.evaluation.RuleLibrary.standard());
        if (output != null) Files.writeString(output, md);
        else spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
