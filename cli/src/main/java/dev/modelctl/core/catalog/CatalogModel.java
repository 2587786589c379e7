package dev.modelctl.core.catalog;

import java.util.List;

/**
 * One Bedrock model as the catalog knows it (facts from public AWS documentation; {@code source} names the page).
 *
 * @param requestFormat the native InvokeModel body family: {@code anthropic-messages}, {@code titan-text},
 *                      {@code nova-messages}, {@code llama}, {@code mistral}, {@code cohere-command-r}, {@code ai21-jamba}, …
 * @param anthropicVersions allowed {@code anthropic_version} values (empty for non-Anthropic models)
 * @param exclusiveParameters block fields of which the model accepts at most one in a request (e.g. {@code temperature}
 *                            and {@code top_p} on Claude Opus 4.1 and later: both set is a ValidationException)
 */
public record CatalogModel(String modelId, String provider, String family, int maxOutputTokens, int contextWindow,
                           List<String> requiredFields, List<String> anthropicVersions, double pricePer1kInput,
                           double pricePer1kOutput, String requestFormat, String source, List<String> exclusiveParameters) {

    public CatalogModel {
        exclusiveParameters = exclusiveParameters == null ? List.of() : List.copyOf(exclusiveParameters);
    }

    /** An entry without {@code exclusive_parameters} (every parameter combination accepted). */
    public CatalogModel(String modelId, String provider, String family, int maxOutputTokens, int contextWindow,
                        List<String> requiredFields, List<String> anthropicVersions, double pricePer1kInput,
                        double pricePer1kOutput, String requestFormat, String source) {
        this(modelId, provider, family, maxOutputTokens, contextWindow, requiredFields, anthropicVersions, pricePer1kInput,
                pricePer1kOutput, requestFormat, source, List.of());
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }
}
