package dev.modelctl.core.model.impact;

import java.util.Objects;

/**
 * One request class compared across two documents.
 *
 * @param share           the class's share of traffic (0–1, see {@link TrafficMix#shares})
 * @param relativeChange  price per request after / before − 1, or {@code null} when either price is unknown
 * @param monthlyDelta    USD per month, when the mix gives a volume and both prices are known; else {@code null}
 */
public record ClassChange(RequestClass requestClass, ClassRouting before, ClassRouting after, double share,
                          Double relativeChange, Double monthlyDelta) {

    /** The class gets another model (a different block, or the same block name pointing at another model ID). */
    public boolean changed() {
        return !Objects.equals(before.model(), after.model()) || !Objects.equals(before.modelId(), after.modelId());
    }

    /** The class gets more expensive per request. */
    public boolean increase() {
        return relativeChange != null && relativeChange > 0;
    }
}
