package dev.modelctl.cli;

import dev.modelctl.aws.SdkModelInvoker;
import dev.modelctl.core.model.config.RepoConfig;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.report.Format;
import dev.modelctl.core.report.JsonRenderer;
import dev.modelctl.core.report.Report;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.features.smoke.ModelInvoker;
import dev.modelctl.core.features.smoke.OutputCap;
import dev.modelctl.core.features.smoke.SmokeCall;
import dev.modelctl.core.features.smoke.SmokePlan;
import dev.modelctl.core.features.smoke.SmokePlanner;
import dev.modelctl.core.features.smoke.SmokeReport;
import dev.modelctl.core.features.smoke.SmokeRunner;
import dev.modelctl.core.checks.engine.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code modelctl smoke FILE}: one small InvokeModel per model block and per use case with the document's own
 * parameters. Exit 0 all calls passed; 1 a call failed (a {@code smoke-call-failed} finding at the block); 2 the run
 * could not be done (bad flags, unreadable document, over {@code --max-cost}, no credentials, access denied, network).
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Call every model block and use case once on Bedrock with the document's own parameters; any failed call fails the run.")
public final class SmokeCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    DocumentOptions documents;
    @Mixin
    OutputOptions output;
    @Mixin
    AwsOptions aws;

    @Option(names = "--use-case", paramLabel = "USE_CASE", split = ",",
            description = "Only these use cases' calls (repeatable or comma-separated); default: every model block and use case.")
    List<String> useCases = List.of();

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Refuse to call anything (exit 2) when the worst-case estimate of the run is over this many US dollars.")
    Double maxCost;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Per-call timeout, retries included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-output-tokens", paramLabel = "N|document", defaultValue = "32",
            description = "Lower each call's max_tokens to N when the catalog says the document's value is valid; a value over "
                    + "the model's limit is always sent as written. 'document' sends every value as written (default: ${DEFAULT-VALUE}).")
    String maxOutputTokens;

    SmokeCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new CommandFailure("--timeout: must be longer than 0");
        }
        if (concurrency < 1) {
            throw new CommandFailure("--concurrency: must be at least 1, not " + concurrency);
        }
        if (maxCost != null && (maxCost.isNaN() || maxCost < 0)) {
            throw new CommandFailure("--max-cost: must be a number of US dollars, 0 or more");
        }
        OutputCap cap;
        try {
            cap = OutputCap.parse(maxOutputTokens);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--max-output-tokens: " + e.getMessage());
        }
        RepoConfig config = global.repoConfig();
        RoutingDocument doc = RoutingDocument.from(load(config));
        for (String u : useCases) {
            if (!doc.useCases().containsKey(u)) {
                String close = Suggest.closest(u, doc.useCases().keySet());
                throw new CommandFailure("--use-case: " + doc.file() + " has no use case '" + u + "'"
                        + (close != null ? " (did you mean '" + close + "'?)" : "; it has: " + String.join(", ", doc.useCases().keySet())));
            }
        }
        SmokePlan plan = new SmokePlanner(documents.catalog(config), cap).plan(doc, useCases);
        if (maxCost != null && plan.estimateUsd() > maxCost) {
            throw new CommandFailure(String.format(Locale.ROOT,
                    "smoke: %d calls could cost up to $%.6f (catalog prices, prompt plus max_tokens sent), over --max-cost $%.6f; nothing was called",
                    plan.calls().size(), plan.estimateUsd(), maxCost));
        }
        SmokeReport result = new SmokeReport(doc.file(), plan, run(plan, config, timeout));
        return emit(result);
    }

    private SourceDocument load(RepoConfig config) {
        List<Path> files = documents.files(config);
        if (files.size() != 1) {
            throw new CommandFailure("smoke: name one routing document (" + (files.isEmpty() ? "none given and none in the repo config"
                    : files.size() + " given or configured") + ")");
        }
        Path file = files.get(0);
        SourceDocument source = documents.loader().load(file, file.toString());
        if (!source.parsed()) {
            throw InputException.at(source.findings().get(0));
        }
        return source;
    }

    private List<SmokeCall> run(SmokePlan plan, RepoConfig config, Duration perCall) {
        if (plan.calls().isEmpty()) {
            return List.of();
        }
        try (var invoker = SdkModelInvoker.open(aws.clients(config), perCall)) {
            return SmokeRunner.run(plan.calls(), invoker, concurrency);
        } catch (ModelInvoker.Unavailable e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** Findings through the shared renderers; the call table beside them in text, markdown and JSON. */
    private int emit(SmokeReport result) {
        Report report = new Report("smoke", result.findings(), result.examined());
        var out = io.out();
        if (output.format() == Format.JSON) {
            var root = JsonRenderer.toJson(report);
            result.json(root);
            out.println(root.toPrettyString());
            out.flush();
            return report.exitCode();
        }
        if (output.format() == Format.TEXT) {
            result.text(out);
        }
        int exit = output.emit(report, out);
        if (output.format() == Format.MARKDOWN) {
            result.markdown(out);
        }
        return exit;
    }
}
