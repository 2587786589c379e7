package dev.modelctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code modelctl new-model NAME --model-id ID}: a complete model block from the template, with catalog values. */
@Command(name = "new-model", mixinStandardHelpOptions = true,
        description = "Print a complete model block for a routing document, filled in from the model catalog.")
public final class NewModelCommand implements Callable<Integer> {
    @ParentCommand
    ModelctlCommand parent;
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the block under models (e.g. claude_sonnet).")
    String name;

    @Option(names = "--model-id", required = true, paramLabel = "ID", description = "Bedrock model ID, inference profile ID or ARN.")
    String modelId;

    @Override
    public Integer call() {
        throw new CommandFailure("new-model: not implemented yet"); // TODO(schema helper)
    }
}
