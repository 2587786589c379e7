package dev.modelctl.cli;

import dev.modelctl.core.features.deploy.AppConfigService;
import dev.modelctl.core.features.deploy.History;
import dev.modelctl.core.features.deploy.LiveState;
import dev.modelctl.core.features.deploy.Target;
import dev.modelctl.core.model.diff.SemanticDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelctl history --env E [--diff A..B]}: this profile's deployments to E, the live one marked, with semantic diffs. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List this profile's deployments to an environment (newest first, the live one marked) with what each changed; "
                + "--diff A..B shows what changed between two hosted versions, in routing terms.")
public final class HistoryCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    AppConfigOptions appconfig;
    @Mixin
    OutputOptions output;

    @Option(names = "--diff", paramLabel = "A..B", description = "Semantic diff between hosted versions A and B.")
    String diff;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many deployments to list (default: ${DEFAULT-VALUE}).")
    int limit;

    HistoryCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        var config = global.repoConfig();
        AppConfigService service = appconfig.service(config);
        var out = io.out();
        AwsConsole console = new AwsConsole(output, out, io.err());
        if (diff != null) {
            String[] parts = diff.split("\\.\\.");
            if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
                throw new CommandFailure("history: --diff must look like 3..5 (two hosted version numbers)");
            }
            Target t = appconfig.target(service, config, false, true);
            List<String> lines = SemanticDiff.between(LiveState.document(service, t, Integer.parseInt(parts[0])),
                    LiveState.document(service, t, Integer.parseInt(parts[1])));
            if (console.json()) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
                lines.forEach(node::add);
                console.put("from", com.fasterxml.jackson.databind.node.IntNode.valueOf(Integer.parseInt(parts[0])));
                console.put("to", com.fasterxml.jackson.databind.node.IntNode.valueOf(Integer.parseInt(parts[1])));
                console.put("changes", node);
                console.print();
            } else {
                out.println("version " + parts[0] + " -> " + parts[1] + (lines.isEmpty() ? ": no routing changes" : ":"));
                lines.forEach(l -> out.println("  " + l));
            }
            return 0;
        }
        Target t = appconfig.target(service, config, true, true);
        LiveState live = appconfig.live(service, config, t, io.err());
        List<History.Entry> entries = History.of(service, live, limit);
        if (console.json()) {
            out.println(History.json(live, entries).toPrettyString());
        } else {
            History.text(live, entries).forEach(out::println);
        }
        return 0;
    }
}
