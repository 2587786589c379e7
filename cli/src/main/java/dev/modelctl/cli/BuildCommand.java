package dev.modelctl.cli;

import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.core.features.build.CanonicalDocument;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.io.OutputFiles;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.checks.team.FileSource;
import dev.modelctl.core.checks.team.RoutingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl build --out FILE}: merge the base document and the team rule files into one deployable document. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Merge the base document and every team's rule file into one canonically ordered JSON document.")
public final class BuildCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;

    @Mixin
    OwnershipOption ownershipOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the merged JSON document.")
    Path out;

    BuildCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        OutputFiles.requireRegularTarget(out, "--out"); // before any work: never replace a device, FIFO or link
        RepoConfig config = global.repoConfig();
        List<Path> files = documents.files(config);
        if (files.size() != 1) {
            throw new CommandFailure("build: give exactly one base document (got " + files.size() + ")");
        }
        String ownershipPath = DocumentOptions.ownershipPath(config, ownershipOption.file);
        RoutingSet set = RoutingSet.load(FileSource.workingTree(Path.of(""), documents.loader()), documents.loader(), files.get(0).toString(), ownershipPath,
                ownershipOption.file != null);
        List<Finding> findings = CheckRegistry.check(set, documents.context(config));
        Report report = new Report("build", findings, "1 document + " + set.teamFiles().size() + " team files");
        if (report.exitCode() != 0) {
            output.emit(report, io.out());
            io.err().println("modelctl: build: blocking findings; nothing written to " + out);
            return report.exitCode();
        }
        OutputFiles.writeAtomically(out, CanonicalDocument.render(set));
        io.err().println("wrote " + out + " (" + set.merged().rules().size() + " rules from 1 document and " + set.teamFiles().size() + " team files)");
        return output.emit(report, io.out());
    }
}
