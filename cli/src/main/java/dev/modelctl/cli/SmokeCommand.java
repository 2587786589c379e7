package dev.modelctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.aws.SdkModelInvoker;
import dev.modelctl.core.config.Durations;
import dev.modelctl.core.config.RepoConfig;
import dev.modelctl.core.doc.SourceDocument;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.smoke.SmokeCall;
import dev.modelctl.core.smoke.SmokeTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code modelctl smoke FILE}: one small InvokeModel per model block and use case, with the document's own parameters. */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Call every configured model once on Bedrock with the document's own parameters; any failure fails the run.")
public final class SmokeCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;
    @Mixin
    AwsOptions aws;

    @Parameters(index = "0", paramLabel = "FILE", description = "The routing document.")
    Path file;

    @Option(names = "--use-case", paramLabel = "USE_CASE", description = "Only these use cases (repeatable); default: every model block and use case.")
    List<String> useCases = List.of();

    @Option(names = "--max-cost", paramLabel = "USD", description = "Refuse to run when the worst-case cost (prompt + max_tokens of output per call) exceeds this.")
    Double maxCost;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "Per-call timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    Path catalogFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw new CommandFailure("smoke: --format must be text, json or markdown");
        }
        RepoConfig config = global.repoConfig();
        SourceDocument source = new dev.modelctl.core.doc.DocumentLoader().load(file, file.toString());
        if (!source.parsed()) {
            Finding f = source.findings().get(0);
            throw dev.modelctl.core.doc.InputException.at(f);
        }
        RoutingDocument doc = RoutingDocument.from(source);
        for (String u : useCases) {
            if (!doc.useCases().containsKey(u)) {
                throw new CommandFailure("smoke: no use case '" + u + "' in " + file + "; known: " + String.join(", ", doc.useCases().keySet()));
            }
        }
        DocumentOptions catalogOption = new DocumentOptions();
        catalogOption.catalog = catalogFile;
        SmokeTest smoke = new SmokeTest(catalogOption.catalog(config));
        List<SmokeTest.Planned> plan = smoke.plan(doc, useCases);
        double worst = SmokeTest.worstCase(plan);
        if (maxCost != null && worst > maxCost) {
            throw new CommandFailure(String.format(Locale.ROOT, "smoke: %d calls could cost up to $%.4f (prompt + max_tokens each), over --max-cost $%.4f; nothing was called",
                    plan.size(), worst, maxCost));
        }
        var timeoutDuration = Durations.parseFlag("--timeout", timeout);
        List<SmokeCall> calls;
        try (var client = aws.clients(config).bedrockRuntime(timeoutDuration)) {
            calls = smoke.run(plan, new SdkModelInvoker(client), concurrency);
        }
        boolean failed = calls.stream().anyMatch(SmokeCall::failed);
        switch (format) {
            case "json" -> json(calls, worst, parent.out);
            case "markdown" -> markdown(calls, parent.out);
            default -> text(calls, parent.out);
        }
        return failed ? 1 : 0;
    }

    private static String what(SmokeCall c) {
        return c.useCase() == null ? "model " + c.modelBlock() : "use case " + c.useCase() + " (" + c.modelBlock() + ")";
    }

    private void text(List<SmokeCall> calls, PrintStream out) {
        double total = 0;
        for (SmokeCall c : calls) {
            if (c.failed()) {
                out.printf("FAIL  %-45s %-45s %6d ms  %s%n", what(c), c.modelId(), c.latencyMs(), c.error());
            } else {
                out.printf(Locale.ROOT, "ok    %-45s %-45s %6d ms  %5d in %5d out  $%.6f%n", what(c), c.modelId(), c.latencyMs(),
                        c.inputTokens(), c.outputTokens(), c.cost());
                total += c.cost();
            }
        }
        long failures = calls.stream().filter(SmokeCall::failed).count();
        out.printf(Locale.ROOT, "%d calls, %d failed, total cost $%.6f%n", calls.size(), failures, total);
    }

    private void markdown(List<SmokeCall> calls, PrintStream out) {
        out.println("| result | call | model id | latency | tokens in/out | cost | error |");
        out.println("|---|---|---|---:|---:|---:|---|");
        for (SmokeCall c : calls) {
            out.printf(Locale.ROOT, "| %s | %s | `%s` | %d ms | %d/%d | $%.6f | %s |%n", c.failed() ? "FAIL" : "ok", what(c), c.modelId(),
                    c.latencyMs(), c.inputTokens(), c.outputTokens(), c.cost(), c.failed() ? c.error().replace("|", "\\|") : "");
        }
    }

    private void json(List<SmokeCall> calls, double worst, PrintStream out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode a = root.putArray("calls");
        for (SmokeCall c : calls) {
            ObjectNode o = a.addObject().put("model", c.modelBlock()).put("use_case", c.useCase()).put("model_id", c.modelId())
                    .put("ok", !c.failed()).put("latency_ms", c.latencyMs()).put("input_tokens", c.inputTokens())
                    .put("output_tokens", c.outputTokens()).put("cost_usd", c.cost());
            if (c.failed()) {
                o.put("error", c.error());
            }
        }
        root.put("worst_case_cost_usd", worst);
        root.put("failed", calls.stream().filter(SmokeCall::failed).count());
        out.println(root.toPrettyString());
    }
}
