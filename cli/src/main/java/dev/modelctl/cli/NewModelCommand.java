package dev.modelctl.cli;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelBlockTemplate;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.checks.engine.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code modelctl new-model NAME --model-id ID}: a complete model block from the template, with catalog values. */
@Command(name = "new-model", mixinStandardHelpOptions = true,
        description = "Print a complete model block for a routing document, filled in from the model catalog.")
public final class NewModelCommand implements Callable<Integer> {
    private final Streams io;
    @Mixin
    GlobalOptions global;
    @Mixin
    CatalogOptions catalogOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the block under models (e.g. claude_sonnet).")
    String name;

    @Option(names = "--model-id", required = true, paramLabel = "ID",
            description = "Bedrock model ID, cross-region inference profile ID (us.…, global.…) or Bedrock ARN.")
    String modelId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "${COMPLETION-CANDIDATES}: YAML carries comments on the acceptable ranges (default: ${DEFAULT-VALUE}).")
    ModelBlockTemplate.Format format = ModelBlockTemplate.Format.YAML;

    @Option(names = "--json", hidden = true, description = "Same as --format json.")
    boolean json;

    NewModelCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new CommandFailure("new-model: NAME '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
        ModelCatalog catalog = catalogOptions.catalog(global.repoConfig());
        CatalogModel model = catalog.find(modelId).orElseThrow(() -> {
            String close = Suggest.closest(catalog.baseModelId(modelId), catalog.all().stream().map(CatalogModel::modelId).toList());
            return new CommandFailure("new-model: '" + modelId + "' is not in the model catalog"
                    + (close != null ? "; did you mean '" + close + "'?" : "; `modelctl catalog` lists the known model IDs"));
        });
        io.out().print(ModelBlockTemplate.render(name, modelId, model, json ? ModelBlockTemplate.Format.JSON : format));
        return 0;
    }
}
