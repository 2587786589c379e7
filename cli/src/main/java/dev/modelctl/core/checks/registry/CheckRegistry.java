package dev.modelctl.core.checks.registry;

import dev.modelctl.core.checks.validate.SchemaCheck;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.checks.analysis.RuleAnalysisCheck;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.checks.team.RoutingSet;
import dev.modelctl.core.checks.team.TeamChecks;
import dev.modelctl.core.checks.validate.CatalogCheck;
import dev.modelctl.core.checks.validate.ModelAvailabilityCheck;
import dev.modelctl.core.checks.validate.OverrideCheck;
import dev.modelctl.core.checks.validate.ReferenceCheck;
import dev.modelctl.core.checks.validate.RuleIdCheck;
import dev.modelctl.core.checks.validate.Validator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each command runs, in one place (docs/architecture.md, "Add a check id"): {@code validate} runs
 * {@link #validateChecks()}, {@code check}/{@code build}/{@code deploy}/{@code override} run {@link #check}. The ids
 * each check reports are declared by the check; tests hold the registry to {@link Check}: every id of a document,
 * rule or team family is reported by a registered check.
 */
public final class CheckRegistry {
    /** Ids reported by the pipeline stages before any check: the loader and the schema. */
    public static final Set<Check> LOADER_AND_SCHEMA = EnumSet.of(Check.SYNTAX_ERROR, Check.DUPLICATE_KEY, Check.SCHEMA_VIOLATION);

    private static final List<DocumentCheck> VALIDATE = List.of(new ReferenceCheck(), new CatalogCheck(),
            new ModelAvailabilityCheck(), new RuleIdCheck(), new OverrideCheck());
    private static final List<DocumentCheck> CHECK = concat(VALIDATE, List.of(new RuleAnalysisCheck()));

    private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING = new java.util.concurrent.atomic.AtomicBoolean();

    private CheckRegistry() {
    }

    /** {@code validate}: the document's own facts — references, catalog, rule ids, cost override. */
    public static List<DocumentCheck> validateChecks() {
        return VALIDATE;
    }

    /** {@code check}: everything {@code validate} runs plus rule analysis. */
    public static List<DocumentCheck> checkChecks() {
        return CHECK;
    }

    /**
     * Starts, on a second core, what every {@code validate}/{@code check} needs whatever the document says: the
     * compiled routing-document schema and the built-in catalog (together a third of a small check's run), while
     * the caller reads the config and parses the document. Failures are left for the real use to report.
     */
    public static void preloadInBackground() {
        if (PRELOADING.getAndSet(true)) {
            return;
        }
        Thread preload = new Thread(() -> {
            try {
                SchemaCheck.preload();
                ModelCatalog.builtIn();
            } catch (Throwable e) { // a background warm-up must not print a stack trace (only --debug does)
                // the check itself loads them again and reports the problem where it belongs
            }
        }, "modelctl-preload");
        preload.setDaemon(true);
        preload.start();
    }

    /** Ids the team checks report (they need the ownership file, so they are not document checks). */
    public static Set<Check> teamChecks() {
        return TeamChecks.REPORTS;
    }

    /** {@code validate} of one loaded document. */
    public static Validator.Result validate(SourceDocument source, CheckContext context) {
        return new Validator(VALIDATE).validate(source, context);
    }

    /**
     * {@code validate} of a routing set (the base document with its team files): what must hold before anyone may
     * trust an answer computed from it ({@code route}).
     */
    public static List<Finding> validate(RoutingSet set, CheckContext context) {
        List<Finding> findings = new ArrayList<>(set.base().findings());
        findings.addAll(set.findings());
        if (set.merged() != null) {
            findings.addAll(new Validator(VALIDATE).checkParsed(set.base(), set.merged(), context));
        }
        return findings;
    }

    /** {@code check} of one loaded document without team files (e.g. a deployed document). */
    public static Validator.Result check(SourceDocument source, CheckContext context) {
        return new Validator(CHECK).validate(source, context);
    }

    /**
     * Everything {@code check} runs on a routing set — the gate that {@code build} and {@code deploy} apply too: the
     * base document's syntax and schema, the team files' own problems, every check over the merged rules, and the
     * team checks when there is an ownership file.
     */
    public static List<Finding> check(RoutingSet set, CheckContext context) {
        List<Finding> findings = new ArrayList<>(set.base().findings());
        findings.addAll(set.findings());
        if (set.merged() == null) {
            return findings;
        }
        findings.addAll(new Validator(CHECK).checkParsed(set.base(), set.merged(), context));
        if (set.ownership() != null) {
            findings.addAll(new TeamChecks().check(set.ownership(), set.merged().rules(), set.teamOfFile()));
        }
        return findings;
    }

    private static List<DocumentCheck> concat(List<DocumentCheck> a, List<DocumentCheck> b) {
        List<DocumentCheck> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
