package dev.modelctl.cli;

import dev.modelctl.core.registry.CheckRegistry;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.finding.Severity;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.team.FileSource;
import dev.modelctl.core.team.RoutingSet;
import dev.modelctl.core.team.RuleChange;
import dev.modelctl.core.team.RuleDiff;
import dev.modelctl.core.team.Team;
import dev.modelctl.core.check.CheckContext;
import dev.modelctl.git.GitFileSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code modelctl check FILE…}: validate plus rule analysis and team checks (the pre-commit and CI gate). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Everything validate does, plus rule analysis (conflicts, shadowing), team bands, rule ownership and approvals.")
public final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;

    @Option(names = "--ownership", paramLabel = "FILE", description = "Team ownership file (default: the repo config's, if it exists).")
    Path ownership;

    @Option(names = "--base", paramLabel = "REF", description = "Also compare the rules with git revision REF and list the approvals each change needs.")
    String base;

    @Option(names = "--approved-by", paramLabel = "TEAM", split = ",", description = "Teams that approved (with --base): a change lacking one is an approval-required error.")
    List<String> approvedBy;

    @Override
    public Integer call() {
        RepoConfig config = global.repoConfig();
        if (approvedBy != null && base == null) {
            throw new CommandFailure("check: --approved-by needs --base REF");
        }
        List<Path> files = documents.files(config);
        String ownershipPath = DocumentOptions.ownershipPath(config, ownership);
        DocumentLoader loader = documents.loader();
        FileSource tree = FileSource.workingTree(Path.of(""), loader);
        List<RoutingSet> sets = files.stream().map(f -> RoutingSet.load(tree, loader, f.toString(), ownershipPath, ownership != null)).toList();
        CheckContext context = documents.context(config);
        List<Finding> findings = new ArrayList<>();
        for (RoutingSet set : sets) {
            findings.addAll(CheckRegistry.check(set, context));
        }
        java.util.Map<String, Team> approvers = new java.util.TreeMap<>();
        if (base != null) {
            try (GitFileSource at = GitFileSource.open(files.get(0).toAbsolutePath().getParent(), base)) {
                for (int i = 0; i < files.size(); i++) {
                    String path = files.get(i).toString();
                    RoutingSet before = at.read(path).isPresent()
                            ? RoutingSet.load(at, loader, path, ownershipPath, false)
                            : null;
                    findings.addAll(approvals(before, sets.get(i), approvers));
                }
            }
        }
        int exit = output.emit(new Report("check", findings, files.size() + (files.size() == 1 ? " document" : " documents")), parent.out);
        if (base != null) {
            // one line for the PR description / reviewers, on stderr so machine formats on stdout stay clean
            parent.err.println(approvers.isEmpty() ? "no rule changes since " + base + ": no approvals needed"
                    : "approvals required since " + base + ": " + String.join("; ", approvers.values().stream().map(Team::withOwners).toList()));
        }
        return exit;
    }

    /**
     * Where a removed rule is reported: the {@code rules} key of the file it was removed from, when that file is still
     * part of the set, else the base document as a whole.
     */
    private static Finding removedAt(RoutingSet now, String formerFile) {
        List<dev.modelctl.core.doc.SourceDocument> docs = new ArrayList<>(List.of(now.base()));
        docs.addAll(now.teamFiles());
        for (var doc : docs) {
            if (doc.file().equals(formerFile) && doc.parsed()) {
                var key = doc.keyAt("/rules");
                return Finding.of(Check.APPROVAL_REQUIRED, doc.file(), key.line(), key.column(), "", null);
            }
        }
        return Finding.of(Check.APPROVAL_REQUIRED, now.base().file(), 0, 0, "", null);
    }

    /** One approval-required finding per changed rule: info listing the approvers, or an error when one is missing. */
    private List<Finding> approvals(RoutingSet before, RoutingSet now, java.util.Map<String, Team> approvers) {
        List<Finding> out = new ArrayList<>();
        if (now.merged() == null) {
            return out;
        }
        List<RuleChange> changes = before == null || before.merged() == null
                ? new RuleDiff().diff(RoutingSet.empty(now), now) : new RuleDiff().diff(before, now);
        Set<String> approved = approvedBy == null ? Set.of() : new TreeSet<>(approvedBy);
        for (RuleChange c : changes) {
            c.teams().forEach(t -> approvers.put(t.name(), t));
            List<String> missing = c.teams().stream().map(Team::name).filter(t -> !approved.contains(t)).toList();
            String who = c.teams().isEmpty() ? "no owning team (see unowned-rule)"
                    : String.join("; ", c.teams().stream().map(Team::withOwners).toList());
            String what = "rule " + c.ruleId() + " " + c.kind() + " since " + base
                    + (c.details().isEmpty() ? "" : " (" + String.join(", ", c.details()) + ")");
            boolean blocking = approvedBy != null && !missing.isEmpty();
            String message = blocking ? what + ": needs approval from " + String.join(", ", missing) : what + ": approval required from " + who;
            if (approvedBy != null && missing.isEmpty()) {
                continue; // approved: nothing to report
            }
            Finding at = c.after() != null
                    ? Finding.of(Check.APPROVAL_REQUIRED, c.after().file(), c.after().line(), c.after().column(), "", null)
                    : removedAt(now, RuleDiff.stripRef(c.before().file()));
            out.add(new Finding(Check.APPROVAL_REQUIRED, blocking ? Severity.ERROR : Severity.INFO, at.file(), at.line(), at.column(), message,
                    blocking ? "ask " + who + " to review, then pass --approved-by " + String.join(",", c.teams().stream().map(Team::name).toList())
                            : null, List.of(c.ruleId()), Map.of()));
        }
        return out;
    }
}
