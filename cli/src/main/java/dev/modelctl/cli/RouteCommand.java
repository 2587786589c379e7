package dev.modelctl.cli;

import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.io.Escape;
import dev.modelctl.core.checks.registry.CheckRegistry;
import dev.modelctl.core.model.route.RouteDecision;
import dev.modelctl.core.model.route.RouteExplanation;
import dev.modelctl.core.model.route.Router;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.checks.team.FileSource;
import dev.modelctl.core.checks.team.RoutingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code modelctl route FILE --set k=v … [--explain]}: the model a request gets, and why. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Show which model a request gets from a routing document, and (with --explain) why.")
public final class RouteCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "FILE", description = "Routing document (YAML or JSON).")
    Path file;

    @Option(names = "--set", paramLabel = "ATTR=VALUE", description = "A request attribute, e.g. task_type=recommendation; repeatable.")
    List<String> sets = List.of();

    @Option(names = "--explain", description = "Show every rule in priority order, matched or not, and the fallbacks.")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    CatalogCommand.ListingFormat format;

    @Option(names = "--now", paramLabel = "TIME", converter = TimeConverter.class, description = "Evaluate the cost override at this RFC 3339 time instead of now.")
    Instant now;

    @Mixin
    OwnershipOption ownershipOption;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "8M",
            description = "Refuse documents larger than this (default: ${DEFAULT-VALUE}; suffixes K, M).")
    String maxBytes;

    RouteCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Map<String, String> request = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CommandFailure("route: --set '" + s + "' must look like attribute=value");
            }
            request.put(s.substring(0, eq), s.substring(eq + 1));
        }
        Instant at = now == null ? Instant.now() : now;
        RoutingDocument doc = load(global.repoConfig(), at);
        RouteDecision d = new Router().route(doc, request, at);
        if (format == CatalogCommand.ListingFormat.JSON) {
            io.out().println(RouteExplanation.json(d, request).toPrettyString());
        } else {
            RouteExplanation.text(d, request, doc.file(), explain, io.out());
        }
        if (d.model() == null) {
            io.err().println("modelctl: route: " + Escape.controls(doc.file()) + ": the request routes to model '"
                    + Escape.controls(String.valueOf(d.modelName())) + "', which is not defined in its models");
            return 1;
        }
        return 0;
    }

    /**
     * The document as it is deployed: the base document with the per-team rule files of the ownership file merged in
     * (what {@code build} produces). A file that does not parse is one exit-2 line naming the place.
     */
    private RoutingDocument load(RepoConfig config, Instant at) {
        RoutingSet set = RoutingSet.load(FileSource.workingTree(Path.of(""), DocumentOptions.loader(maxBytes)), DocumentOptions.loader(maxBytes), file.toString(),
                DocumentOptions.ownershipPath(config, ownershipOption.file), ownershipOption.file != null);
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
        refuseInvalid(set, config, at);
        return set.merged();
    }

    /**
     * A document {@code validate} rejects is not answered: a runtime may read it differently (a quoted priority, a
     * value out of range), so any answer could be wrong. Exit 2 with the first blocking finding (docs/validate.md).
     */
    private static void refuseInvalid(RoutingSet set, RepoConfig config, Instant at) {
        // Judged at the request's time (--now): a model past its EOL date then is as unanswerable as a malformed rule.
        var context = new DocumentOptions().context(config);
        context = new dev.modelctl.core.checks.engine.CheckContext(context.catalog(), config, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
        List<Finding> blocking = CheckRegistry.validate(set, context).stream()
                .filter(Finding::blocks).toList();
        if (!blocking.isEmpty()) {
            Finding f = blocking.get(0);
            throw new CommandFailure("route: " + f.file() + ":" + f.line() + ":" + f.column() + ": [" + f.check().id() + "] "
                    + f.message() + " (" + blocking.size() + " blocking finding" + (blocking.size() == 1 ? "" : "s")
                    + "; run modelctl validate " + set.base().file() + ")");
        }
    }
}
