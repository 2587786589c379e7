package dev.modelctl.cli;

import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.checks.engine.CheckContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl validate FILE…}: syntax, schema, references and catalog checks. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check routing documents: syntax, duplicate keys, schema, model references, catalog facts, cost override.")
public final class ValidateCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;

    ValidateCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        CheckRegistry.preloadInBackground();
        var config = global.repoConfig();
        List<Path> files = documents.files(config);
        DocumentLoader loader = documents.loader();
        List<SourceDocument> sources = files.stream().map(f -> loader.load(f, f.toString())).toList();
        CheckContext context = documents.context(config);
        List<Finding> findings = new ArrayList<>();
        for (SourceDocument source : sources) {
            findings.addAll(CheckRegistry.validate(source, context).findings());
        }
        return output.emit(new Report("validate", findings, files.size() + (files.size() == 1 ? " document" : " documents")), io.out());
    }
}
