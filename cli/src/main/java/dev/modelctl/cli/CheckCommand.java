package dev.modelctl.cli;

import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.impact.Impact;
import dev.modelctl.core.model.impact.ImpactChecks;
import dev.modelctl.core.model.impact.RoutingImpact;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.checks.team.ApprovalPolicy;
import dev.modelctl.core.checks.team.FileSource;
import dev.modelctl.core.checks.team.RoutingSet;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.git.GitFileSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl check FILE…}: validate plus rule analysis and team checks (the pre-commit and CI gate). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Everything validate does, plus rule analysis (conflicts, shadowing), team bands, rule ownership, and with --base the approvals and cost impact of a change.")
public final class CheckCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;

    @Mixin
    OwnershipOption ownershipOption;

    @Option(names = "--base", paramLabel = "REF",
            description = "Also compare with git revision REF: the approvals each rule change needs, and the routing and cost impact per request class.")
    String base;

    @Mixin
    ImpactOptions impact;

    @Option(names = "--approved-by", paramLabel = "TEAM", split = ",", description = "Teams that approved (with --base): a change lacking one is an approval-required error.")
    List<String> approvedBy;

    CheckCommand(Streams io) {
        this.io = io;
    }

    /** Routing and cost impact of the change to one routing set since the base (nothing for a new document). */
    private List<Finding> impactSince(RoutingSet before, RoutingSet now, CheckContext context, Double maxIncrease) {
        if (before == null || before.merged() == null || now.merged() == null) {
            return List.of();
        }
        Impact impact = RoutingImpact.between(before.merged(), now.merged(), context.catalog(), context.config().traffic(),
                context.clock().instant());
        return ImpactChecks.findings(impact, now.merged(), context.catalog(), "since " + base, maxIncrease);
    }

    @Override
    public Integer call() {
        CheckRegistry.preloadInBackground();
        RepoConfig config = global.repoConfig();
        if (approvedBy != null && base == null) {
            throw new CommandFailure("check: --approved-by needs --base REF");
        }
        List<Path> files = documents.files(config);
        String ownershipPath = DocumentOptions.ownershipPath(config, ownershipOption.file);
        DocumentLoader loader = documents.loader();
        FileSource tree = FileSource.workingTree(Path.of(""), loader);
        List<RoutingSet> sets = files.stream().map(f -> RoutingSet.load(tree, loader, f.toString(), ownershipPath, ownershipOption.file != null)).toList();
        CheckContext context = documents.context(config);
        List<Finding> findings = new ArrayList<>();
        for (RoutingSet set : sets) {
            findings.addAll(CheckRegistry.check(set, context));
        }
        if (impact.maxCostIncrease != null && base == null) {
            throw new CommandFailure("check: --max-cost-increase needs --base REF");
        }
        ApprovalPolicy approvals = new ApprovalPolicy(base, approvedBy);
        Double maxIncrease = impact.maxIncrease(config);
        if (base != null) {
            try (GitFileSource at = GitFileSource.open(files.get(0).toAbsolutePath().getParent(), base)) {
                for (int i = 0; i < files.size(); i++) {
                    String path = files.get(i).toString();
                    RoutingSet before = at.read(path).isPresent()
                            ? RoutingSet.load(at, loader, path, ownershipPath, false)
                            : null;
                    findings.addAll(approvals.findings(before, sets.get(i)));
                    findings.addAll(impactSince(before, sets.get(i), context, maxIncrease));
                }
            }
        }
        int exit = output.emit(new Report("check", findings, files.size() + (files.size() == 1 ? " document" : " documents")), io.out());
        if (base != null) {
            // one line for the PR description / reviewers, on stderr so machine formats on stdout stay clean
            io.err().println(approvals.summary());
        }
        return exit;
    }
}
