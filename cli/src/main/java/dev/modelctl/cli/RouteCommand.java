package dev.modelctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.io.Escape;
import dev.modelctl.core.validate.Validator;
import dev.modelctl.core.route.RouteDecision;
import dev.modelctl.core.route.RuleEvaluation;
import dev.modelctl.core.route.Router;
import dev.modelctl.core.routing.ModelBlock;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.routing.Rule;
import dev.modelctl.core.team.FileSource;
import dev.modelctl.core.team.RoutingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code modelctl route FILE --set k=v … [--explain]}: the model a request gets, and why. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Show which model a request gets from a routing document, and (with --explain) why.")
public final class RouteCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "FILE", description = "Routing document (YAML or JSON).")
    Path file;

    @Option(names = "--set", paramLabel = "ATTR=VALUE", description = "A request attribute, e.g. task_type=recommendation; repeatable.")
    List<String> sets = List.of();

    @Option(names = "--explain", description = "Show every rule in priority order, matched or not, and the fallbacks.")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--now", paramLabel = "TIME", description = "Evaluate the cost override at this RFC 3339 time instead of now.")
    String now;

    @Option(names = "--ownership", paramLabel = "FILE",
            description = "Team ownership file whose per-team rule files are merged in (default: the repo config's, if it exists).")
    Path ownership;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8M",
            description = "Refuse documents larger than this (default: ${DEFAULT-VALUE}; suffixes K, M).")
    String maxBytes;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandFailure("route: --format must be text or json");
        }
        Map<String, String> request = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CommandFailure("route: --set '" + s + "' must look like attribute=value");
            }
            request.put(s.substring(0, eq), s.substring(eq + 1));
        }
        Instant at;
        try {
            at = now == null ? Instant.now() : OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandFailure("route: --now '" + now + "' is not an RFC 3339 time (e.g. 2026-11-23T10:00:00Z)");
        }
        RoutingDocument doc = load(global.repoConfig());
        RouteDecision d = new Router().route(doc, request, at);
        if (format.equals("json")) {
            parent.out.println(json(d, request).toPrettyString());
        } else {
            text(d, request, doc.file(), parent.out);
        }
        if (d.model() == null) {
            parent.err.println("modelctl: route: " + Escape.controls(doc.file()) + ": the request routes to model '"
                    + Escape.controls(String.valueOf(d.modelName())) + "', which is not defined in its models");
            return 1;
        }
        return 0;
    }

    /**
     * The document as it is deployed: the base document with the per-team rule files of the ownership file merged in
     * (what {@code build} produces). A file that does not parse is one exit-2 line naming the place.
     */
    private RoutingDocument load(RepoConfig config) {
        RoutingSet set = RoutingSet.load(FileSource.workingTree(Path.of(""), DocumentOptions.loader(maxBytes)), DocumentOptions.loader(maxBytes), file.toString(),
                DocumentOptions.ownershipPath(config, ownership), ownership != null);
        List<Finding> unreadable = new java.util.ArrayList<>(set.base().findings());
        unreadable.addAll(set.findings());
        if (set.ownership() != null) {
            unreadable.addAll(set.ownership().source().findings());
        }
        for (Finding f : unreadable) {
            if (f.check() == Check.SYNTAX_ERROR || f.check() == Check.DUPLICATE_KEY) {
                throw InputException.at(f);
            }
        }
        refuseInvalid(set, config);
        return set.merged();
    }

    /**
     * A document {@code validate} rejects is not answered: a runtime may read it differently (a quoted priority, a
     * value out of range), so any answer could be wrong. Exit 2 with the first blocking finding (docs/validate.md).
     */
    private static void refuseInvalid(RoutingSet set, RepoConfig config) {
        List<Finding> blocking = new Validator().validate(set, new DocumentOptions().context(config)).findings().stream()
                .filter(Finding::blocks).toList();
        if (!blocking.isEmpty()) {
            Finding f = blocking.get(0);
            throw new CommandFailure("route: " + f.file() + ":" + f.line() + ":" + f.column() + ": [" + f.check().id() + "] "
                    + f.message() + " (" + blocking.size() + " blocking finding" + (blocking.size() == 1 ? "" : "s")
                    + "; run modelctl validate " + set.base().file() + ")");
        }
    }

    private void text(RouteDecision d, Map<String, String> request, String baseFile, PrintStream out) {
        out.println("model: " + describe(d.modelName(), d.model()));
        out.println("via:   " + via(d, baseFile));
        if (!d.tiedWith().isEmpty()) {
            out.println("conflict: " + d.rule().ruleId() + " ties with " + String.join(", ", d.tiedWith().stream().map(r -> r.ruleId()).toList())
                    + " at priority " + d.rule().priority() + "; the smallest rule_id wins (modelctl check reports priority-conflict)");
        }
        if (d.overrideApplied()) {
            out.println("cost override: active; '" + d.routedModel() + "' replaced by '" + d.modelName() + "'");
        }
        if (!explain) {
            return;
        }
        out.println();
        out.println("request: " + request);
        out.println("rules in priority order:");
        for (RuleEvaluation e : d.evaluations()) {
            String mark = e.matched() ? (e.rule() == d.rule() ? "=> " : " + ") : " - ";
            String detail = e.matched() ? (e.rule() == d.rule() ? "matched, wins" : "matched, loses to " + d.rule().ruleId())
                    : e.failedAttribute() + " " + (e.actual() == null ? "not set" : "= " + e.actual()) + ", rule wants " + e.expected();
            out.printf("%s%-28s priority %-6d %-10s %s -> %s%n", mark, e.rule().ruleId(), e.rule().priority(), where(e.rule(), baseFile), detail, e.rule().model());
        }
        if (d.rule() == null) {
            out.println(d.source().equals("use_case") ? "no rule matched: use case '" + d.useCase() + "' picks '" + d.routedModel() + "'"
                    : "no rule matched" + (d.useCase() == null ? " and no task_type" : " and '" + d.useCase() + "' is not a declared use case")
                    + ": defaults.model '" + d.routedModel() + "'");
        }
    }

    /** {@code line 12} for a rule of the base document, {@code teams/recs.yaml:2} for one from a team file. */
    private static String where(Rule rule, String baseFile) {
        return rule.file().equals(baseFile) ? "line " + rule.line() : rule.file() + ":" + rule.line();
    }

    private static String via(RouteDecision d, String baseFile) {
        return switch (d.source()) {
            case "rule" -> "rule " + d.rule().ruleId() + " (priority " + d.rule().priority() + ", " + where(d.rule(), baseFile) + ")";
            case "use_case" -> "use case " + d.useCase() + " (no rule matched)";
            default -> "defaults.model (no rule or use case matched)";
        };
    }

    private static String describe(String name, ModelBlock m) {
        if (m == null) {
            return (name == null ? "none" : name) + " (not defined in models)";
        }
        StringBuilder sb = new StringBuilder(name).append(" (").append(m.modelId());
        if (m.maxTokens() != null) {
            sb.append(", max_tokens ").append(m.maxTokens());
        }
        if (m.temperature() != null) {
            sb.append(", temperature ").append(m.temperature());
        }
        if (m.topP() != null) {
            sb.append(", top_p ").append(m.topP());
        }
        return sb.append(')').toString();
    }

    private static ObjectNode json(RouteDecision d, Map<String, String> request) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode req = root.putObject("request");
        request.forEach(req::put);
        root.put("model", d.modelName());
        if (d.model() != null) {
            ObjectNode p = root.putObject("parameters");
            p.put("model_id", d.model().modelId());
            if (d.model().maxTokens() != null) {
                p.put("max_tokens", d.model().maxTokens());
            }
            if (d.model().temperature() != null) {
                p.put("temperature", d.model().temperature());
            }
            if (d.model().topP() != null) {
                p.put("top_p", d.model().topP());
            }
            if (d.model().anthropicVersion() != null) {
                p.put("anthropic_version", d.model().anthropicVersion());
            }
        }
        root.put("source", d.source());
        root.put("rule", d.rule() == null ? null : d.rule().ruleId());
        ArrayNode tied = root.putArray("conflict_with");
        d.tiedWith().forEach(r -> tied.add(r.ruleId()));
        root.put("routed_model", d.routedModel());
        root.put("cost_override_applied", d.overrideApplied());
        ArrayNode rules = root.putArray("rules");
        for (RuleEvaluation e : d.evaluations()) {
            ObjectNode r = rules.addObject();
            r.put("rule_id", e.rule().ruleId());
            r.put("priority", e.rule().priority());
            r.put("file", e.rule().file());
            r.put("line", e.rule().line());
            r.put("model", e.rule().model());
            r.put("matched", e.matched());
            r.put("winner", e.rule() == d.rule());
            if (!e.matched()) {
                ObjectNode failed = r.putObject("failed");
                failed.put("attribute", e.failedAttribute());
                failed.put("actual", e.actual());
                ArrayNode expected = failed.putArray("expected");
                e.expected().forEach(expected::add);
            }
        }
        return root;
    }
}
