package dev.modelctl.core.model.catalog;

import java.util.List;

/**
 * How a model can be invoked on demand: with its bare ID in one Region ({@code inRegion}), and through which
 * cross-region (system-defined) inference profiles, named by geography ({@code us}, {@code eu}, {@code global}…).
 * A model that is not {@code inRegion} answers a bare-ID InvokeModel with "Invocation of model ID … with on-demand
 * throughput isn't supported. Retry your request with the ID or ARN of an inference profile".
 *
 * @param source the catalog source id that backs this fact
 */
public record InferenceAccess(boolean inRegion, List<String> profiles, String source) {
    public InferenceAccess {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** What an entry without inference facts is taken to be: callable by its bare ID. */
    public static final InferenceAccess UNSTATED = new InferenceAccess(true, List.of(), null);
}
