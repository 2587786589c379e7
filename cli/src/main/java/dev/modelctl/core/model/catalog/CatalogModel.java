package dev.modelctl.core.model.catalog;

import java.util.List;
import java.util.Map;

/**
 * One Bedrock model as the catalog knows it (facts from public AWS documentation; {@code source} names the page, the
 * format is docs/catalog.md).
 *
 * @param maxOutputTokens     the largest output-token limit a request may set; 0 when unknown (see {@link #limitsKnown()})
 * @param contextWindow       input + output tokens; 0 when unknown
 * @param pricePer1kInput     on-demand USD per 1,000 input tokens (in-region, or the only published price); 0 when unknown
 * @param requestFormat       the native InvokeModel body family: {@code anthropic-messages}, {@code titan-text},
 *                            {@code nova-messages}, {@code llama}, {@code mistral}, {@code cohere-command-r}, {@code ai21-jamba},
 *                            {@code converse} (no native body modelled), …
 * @param anthropicVersions   allowed {@code anthropic_version} values (empty for non-Anthropic models)
 * @param exclusiveParameters block fields of which the model accepts at most one in a request (e.g. {@code temperature}
 *                            and {@code top_p} on Claude Opus 4.1 and later: both set is a ValidationException)
 * @param rejectedParameters  block fields the model refuses outright (e.g. {@code temperature} on Claude Opus 4.7)
 * @param prices              the price through a geographic or the global inference profile, where it differs
 * @param unverified          the facts of this entry that could not be confirmed on the cited page
 */
public record CatalogModel(String modelId, String provider, String family, int maxOutputTokens, int contextWindow,
                           List<String> requiredFields, List<String> anthropicVersions, double pricePer1kInput,
                           double pricePer1kOutput, String requestFormat, String source, List<String> exclusiveParameters,
                           Lifecycle lifecycle, InferenceAccess inference, List<String> rejectedParameters,
                           Map<ProfileKind, Price> prices, List<String> unverified, String note) {

    public CatalogModel {
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        anthropicVersions = anthropicVersions == null ? List.of() : List.copyOf(anthropicVersions);
        exclusiveParameters = exclusiveParameters == null ? List.of() : List.copyOf(exclusiveParameters);
        rejectedParameters = rejectedParameters == null ? List.of() : List.copyOf(rejectedParameters);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        lifecycle = lifecycle == null ? Lifecycle.UNSTATED : lifecycle;
        inference = inference == null ? InferenceAccess.UNSTATED : inference;
    }

    /** An entry with limits, prices and format only: active, callable by its bare ID, every parameter accepted. */
    public CatalogModel(String modelId, String provider, String family, int maxOutputTokens, int contextWindow,
                        List<String> requiredFields, List<String> anthropicVersions, double pricePer1kInput,
                        double pricePer1kOutput, String requestFormat, String source) {
        this(modelId, provider, family, maxOutputTokens, contextWindow, requiredFields, anthropicVersions, pricePer1kInput,
                pricePer1kOutput, requestFormat, source, List.of(), null, null, List.of(), Map.of(), List.of(), null);
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }

    /** False for a model the catalog knows only from a Bedrock listing: its output limit and context window are unknown. */
    public boolean limitsKnown() {
        return maxOutputTokens > 0;
    }

    /** The price a call pays through {@code kind} of model ID: the profile's own where the catalog has one. */
    public Price price(ProfileKind kind) {
        Price p = prices.get(kind);
        return p != null ? p : new Price(pricePer1kInput, pricePer1kOutput);
    }

    /** True when the catalog marks {@code fact} (a field name: lifecycle, inference, max_output_tokens…) as not verified. */
    public boolean unverified(String fact) {
        return unverified.contains(fact);
    }

    /** The cross-region inference profile IDs this model is offered through ({@code us.anthropic.…}). */
    public List<String> profileIds() {
        return inference.profiles().stream().map(p -> p + "." + modelId).toList();
    }

    /** This entry with the lifecycle and inference facts Bedrock reports now (everything else kept). */
    public CatalogModel withLiveFacts(Lifecycle live, InferenceAccess access) {
        return new CatalogModel(modelId, provider, family, maxOutputTokens, contextWindow, requiredFields, anthropicVersions,
                pricePer1kInput, pricePer1kOutput, requestFormat, source, exclusiveParameters, live, access, rejectedParameters,
                prices, unverified.stream().filter(f -> !f.equals("lifecycle") && !f.equals("inference")).toList(), note);
    }
}
