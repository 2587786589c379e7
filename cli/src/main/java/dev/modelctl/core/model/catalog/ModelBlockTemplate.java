package dev.modelctl.core.model.catalog;

import dev.modelctl.core.base.io.JarResources;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills {@code templates/model_config_block.(yaml|json)} with catalog facts. Lines that mention
 * {@code anthropic_version} are dropped for models that do not take it, so the block is complete and nothing more.
 */
public final class ModelBlockTemplate {
    /** Default max_tokens: generous for a chat answer, never above the model's limit. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private ModelBlockTemplate() {
    }

    /** The block serialisations {@code new-model} prints. */
    public enum Format {
        YAML("/templates/model_config_block.yaml"), JSON("/templates/model_config_block.json");

        private final String resource;

        Format(String resource) {
            this.resource = resource;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A complete block named {@code name} for {@code modelId} (as the user wrote it: base ID, profile ID or ARN), with
     * the facts of its catalog entry {@code model}.
     */
    public static String render(String name, String modelId, CatalogModel model, Format format) {
        String template = JarResources.text(format.resource);
        boolean anthropic = !model.anthropicVersions().isEmpty();
        Map<String, String> values = Map.ofEntries(
                Map.entry("name", name),
                Map.entry("model_id", modelId),
                Map.entry("base_model_id", model.modelId()),
                Map.entry("provider", model.provider()),
                Map.entry("family", model.family()),
                Map.entry("max_output_tokens", model.limitsKnown() ? Integer.toString(model.maxOutputTokens()) : "? (limits unknown to the catalog)"),
                Map.entry("context_window", model.contextWindow() > 0 ? Integer.toString(model.contextWindow()) : "?"),
                Map.entry("max_tokens", Integer.toString(model.limitsKnown() ? Math.min(DEFAULT_MAX_TOKENS, model.maxOutputTokens()) : DEFAULT_MAX_TOKENS)),
                Map.entry("price_per_1k_input", CatalogListing.price(model.pricePer1kInput())),
                Map.entry("price_per_1k_output", CatalogListing.price(model.pricePer1kOutput())),
                Map.entry("anthropic_version", anthropic ? model.anthropicVersions().get(0) : ""),
                Map.entry("anthropic_versions", String.join(", ", model.anthropicVersions())),
                Map.entry("sampling_note", samplingNote(model)));
        // placeholders are filled line by line after the filter, so a NAME cannot be mistaken for a template line
        return template.lines()
                .filter(line -> anthropic || !line.contains("anthropic_version"))
                .filter(line -> !model.rejectedParameters().contains("temperature") || !line.contains("\"temperature\"") && !line.startsWith("  temperature:"))
                .map(line -> fill(line, values))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The comment on temperature/top_p: which of them the model refuses, alone or together. */
    private static String samplingNote(CatalogModel model) {
        if (!model.rejectedParameters().isEmpty()) {
            return ", but this model rejects " + String.join(", ", model.rejectedParameters()) + ": leave them out";
        }
        return model.exclusiveParameters().isEmpty() ? ""
                : ", but this model rejects " + String.join(" and ", model.exclusiveParameters()) + " together: set one";
    }

    private static String fill(String line, Map<String, String> values) {
        String out = line;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return out;
    }

}
