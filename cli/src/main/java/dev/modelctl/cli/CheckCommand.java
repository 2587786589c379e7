package dev.modelctl.cli;

import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.validate.CheckContext;
import dev.modelctl.core.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl check FILE…}: validate plus rule analysis and team checks (the pre-commit and CI gate). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Everything validate does, plus rule analysis (conflicts, shadowing) and team ownership checks.")
public final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        var config = global.repoConfig();
        List<Path> files = documents.files(config);
        DocumentLoader loader = documents.loader();
        List<SourceDocument> sources = files.stream().map(f -> loader.load(f, f.toString())).toList();
        CheckContext context = documents.context(config);
        Validator validator = new Validator(Validator.CHECK_CHECKS);
        List<Finding> findings = new ArrayList<>();
        for (SourceDocument source : sources) {
            findings.addAll(validator.validate(source, context).findings());
        }
        return output.emit(new Report("check", findings, files.size() + (files.size() == 1 ? " document" : " documents")), parent.out);
    }
}
