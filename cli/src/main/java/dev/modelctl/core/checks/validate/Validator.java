package dev.modelctl.core.checks.validate;

import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of document checks (the registry decides which: {@code CheckRegistry}): syntax and duplicate keys (from
 * the loader), the schema, then the semantic checks. Semantic checks
 * run even when the schema complains, on whatever is well-typed, so one run shows every problem.
 */
public final class Validator {
    private final SchemaCheck schema = new SchemaCheck();
    private final List<DocumentCheck> checks;

    public Validator(List<DocumentCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Findings for one loaded document, and its typed view when it parsed. */
    public Result validate(SourceDocument source, CheckContext context) {
        List<Finding> findings = new ArrayList<>(source.findings());
        if (!source.parsed()) {
            return new Result(null, findings);
        }
        RoutingDocument doc = RoutingDocument.from(source);
        findings.addAll(checkConcurrently(source, doc, context));
        return new Result(doc, findings);
    }

    /**
     * Findings for a typed document whose syntax findings the caller already has: the schema of {@code source}, then
     * every document check over {@code doc} (which may carry rules merged in from team files).
     */
    public List<Finding> checkParsed(SourceDocument source, RoutingDocument doc, CheckContext context) {
        return checkConcurrently(source, doc, context);
    }

    /**
     * The schema check and the document checks are independent: on a large document they run on two cores at once
     * (schema validation of a 100k-rule document takes as long as a third of the analysis). Small documents stay on
     * the calling thread, where a second thread would only cost start-up time.
     */
    private List<Finding> checkConcurrently(SourceDocument source, RoutingDocument doc, CheckContext context) {
        boolean large = doc.rules().size() > 2_000;
        java.util.concurrent.CompletableFuture<List<Finding>> schemaFindings = large
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> schema.check(source))
                : java.util.concurrent.CompletableFuture.completedFuture(schema.check(source));
        List<Finding> out = new ArrayList<>();
        for (DocumentCheck check : checks) {
            out.addAll(check.check(doc, context));
        }
        out.addAll(0, schemaFindings.join());
        return out;
    }

    /** @param document the typed view, {@code null} when the source did not parse */
    public record Result(RoutingDocument document, List<Finding> findings) {
    }
}
