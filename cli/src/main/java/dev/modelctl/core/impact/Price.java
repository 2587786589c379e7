package dev.modelctl.core.impact;

import dev.modelctl.core.catalog.ModelCatalog;

import java.util.Locale;
import java.util.Optional;

/** On-demand price of a model in USD per 1,000 input and output tokens, from the catalog. */
public record Price(double per1kInput, double per1kOutput) {

    /** The catalog's price for a model ID, inference-profile ID or ARN; empty when the catalog has none. */
    public static Optional<Price> of(ModelCatalog catalog, String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        return catalog.find(modelId).filter(m -> m.pricePer1kInput() > 0 || m.pricePer1kOutput() > 0)
                .map(m -> new Price(m.pricePer1kInput(), m.pricePer1kOutput()));
    }

    /** USD for one request of the mix's size. */
    public double perRequest(TrafficMix mix) {
        return per1kInput * mix.inputTokensPerRequest() / 1000.0 + per1kOutput * mix.outputTokensPerRequest() / 1000.0;
    }

    /** {@code $0.00300/$0.01500 per 1k in/out}. */
    public String describe() {
        return String.format(Locale.ROOT, "$%.5f/$%.5f per 1k in/out", per1kInput, per1kOutput);
    }
}
