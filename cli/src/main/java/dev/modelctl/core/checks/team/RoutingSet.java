package dev.modelctl.core.checks.team;

import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.Rule;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.checks.validate.SchemaCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routing document together with its ownership file and the per-team rule files that ownership names: what
 * {@code check}, {@code build} and {@code check --base} reason about.
 *
 * @param base       the base document (its parse findings included in {@code findings})
 * @param merged     the base document with every team file's rules appended ({@code null} when the base did not parse)
 * @param ownership  the ownership file, or {@code null} when none is used
 * @param teamOfFile team rule file (display name) → the team that lists it
 * @param findings   problems of the team files themselves (missing, syntax, schema)
 */
public record RoutingSet(SourceDocument base, RoutingDocument merged, Ownership ownership, Map<String, String> teamOfFile,
                         List<SourceDocument> teamFiles, List<Finding> findings) {

    /**
     * @param documentPath  the base document, relative to the source's root
     * @param ownershipPath the ownership file, or {@code null}; team files resolve against its directory
     * @param ownershipRequired whether a missing ownership file is an error (explicit --ownership) or means "no teams"
     */
    public static RoutingSet load(FileSource source, DocumentLoader loader, String documentPath, String ownershipPath,
                                  boolean ownershipRequired) {
        byte[] bytes = source.read(documentPath).orElseThrow(() -> new InputException(source.displayName(documentPath) + ": no such file"));
        SourceDocument base = loader.parse(bytes, source.displayName(documentPath));
        Ownership ownership = null;
        if (ownershipPath != null) {
            var ownershipBytes = source.read(ownershipPath);
            if (ownershipBytes.isPresent()) {
                ownership = Ownership.from(loader.of("ownership file").parse(ownershipBytes.get(), source.displayName(ownershipPath)));
            } else if (ownershipRequired) {
                throw new InputException(source.displayName(ownershipPath) + ": no such ownership file");
            }
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, String> teamOfFile = new LinkedHashMap<>();
        List<SourceDocument> teamFiles = new ArrayList<>();
        List<Rule> extra = new ArrayList<>();
        if (ownership != null) {
            String dir = ownershipPath.contains("/") ? ownershipPath.substring(0, ownershipPath.lastIndexOf('/') + 1) : "";
            for (Team team : ownership.teams()) {
                for (int i = 0; i < team.files().size(); i++) {
                    String f = team.files().get(i);
                    String path = normalize(dir + f);
                    String name = source.displayName(path);
                    var teamBytes = source.read(path);
                    if (teamBytes.isEmpty()) {
                        var at = ownership.source().valueAt(team.pointer() + "/files/" + i);
                        findings.add(Finding.of(Check.TEAM_FILE_MISSING, ownership.file(), at.line(), at.column(),
                                "team " + team.name() + " lists rule file " + f + ", which does not exist", "create it or remove it from files"));
                        continue;
                    }
                    SourceDocument doc = loader.parse(teamBytes.get(), name);
                    teamFiles.add(doc);
                    teamOfFile.put(name, team.name());
                    findings.addAll(doc.findings());
                    if (doc.parsed()) {
                        findings.addAll(SchemaCheck.ruleFile().check(doc));
                        extra.addAll(RoutingDocument.rulesOf(doc, "/rules"));
                    }
                }
            }
        }
        RoutingDocument merged = base.parsed() ? RoutingDocument.from(base).withExtraRules(extra) : null;
        return new RoutingSet(base, merged, ownership, Map.copyOf(teamOfFile), List.copyOf(teamFiles), List.copyOf(findings));
    }

    /** A revision without the document (it was added since): every rule of {@code now} counts as added. */
    public static RoutingSet empty(RoutingSet now) {
        return new RoutingSet(now.base(), null, now.ownership(), Map.of(), List.of(), List.of());
    }

    /** Resolves {@code ./} and {@code ../} in a '/'-separated relative path. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return (path.startsWith("/") ? "/" : "") + String.join("/", parts);
    }
}
