package dev.modelctl.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    public static String render(String name, String modelId, CatalogModel model, boolean json) {
        String template = read(json ? "/templates/model_config_block.json" : "/templates/model_config_block.yaml");
        boolean anthropic = !model.anthropicVersions().isEmpty();
        Map<String, String> values = Map.of(
                "name", name,
                "model_id", modelId,
                "base_model_id", model.modelId(),
                "provider", model.provider(),
                "family", model.family(),
                "max_output_tokens", Integer.toString(model.maxOutputTokens()),
                "context_window", Integer.toString(model.contextWindow()),
                "max_tokens", Integer.toString(Math.min(DEFAULT_MAX_TOKENS, model.maxOutputTokens())),
                "price_per_1k_input", price(model.pricePer1kInput()),
                "price_per_1k_output", price(model.pricePer1kOutput()));
        String text = template.lines()
                .filter(line -> anthropic || !line.contains("\"anthropic_version\"") && !line.startsWith("  anthropic_version"))
                .map(line -> line.replace("{{anthropic_version}}", anthropic ? model.anthropicVersions().get(0) : ""))
                .collect(Collectors.joining("\n", "", "\n"));
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return text;
    }

    private static String price(double p) {
        return String.format(Locale.ROOT, "%.6f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String read(String resource) {
        try (InputStream in = ModelBlockTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
