package dev.modelctl.cli;

import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelBlockTemplate;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.validate.Suggest;
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

    @Option(names = "--json", description = "Print the block as JSON instead of YAML.")
    boolean json;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog to use instead of the built-in one.")
    java.nio.file.Path catalogFile;

    @Override
    public Integer call() {
        var config = global.repoConfig();
        ModelCatalog catalog = catalogFile != null ? ModelCatalog.load(catalogFile)
                : config.catalog() != null ? ModelCatalog.load(config.root().resolve(config.catalog())) : ModelCatalog.builtIn();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new CommandFailure("new-model: NAME '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
        CatalogModel model = catalog.find(modelId).orElseThrow(() -> {
            String close = Suggest.closest(catalog.baseModelId(modelId), catalog.all().stream().map(CatalogModel::modelId).toList());
            return new CommandFailure("new-model: '" + modelId + "' is not in the model catalog"
                    + (close != null ? "; did you mean '" + close + "'?" : "; known providers: anthropic, amazon, meta, mistral, cohere, ai21, deepseek"));
        });
        parent.out.print(ModelBlockTemplate.render(name, modelId, model, json));
        return 0;
    }
}
