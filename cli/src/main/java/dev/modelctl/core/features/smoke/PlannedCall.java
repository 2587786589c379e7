package dev.modelctl.core.features.smoke;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.routing.ModelBlock;

/**
 * One smoke call to make: a model block on its own, or the block a use case routes to (its model, or its
 * {@code cost_override_model}).
 *
 * @param useCase       the use case it stands for, or {@code null} for a model-block call
 * @param costOverride  the call stands for the use case's {@code cost_override_model}
 * @param maxTokensSent the output-token limit in the request (see {@link OutputCap}); {@code null}: none sent
 * @param estimateUsd   the worst case: the prompt plus the most output the request allows, at catalog prices
 * @param line          where the block is declared (findings point there: that is what to fix)
 */
public record PlannedCall(ModelBlock block, String useCase, boolean costOverride, CatalogModel model, RequestFormat format, Long maxTokensSent,
                          double estimateUsd, int line, int column) {

    public String modelId() {
        return block.modelId();
    }

    /** {@code model claude_haiku}, {@code use case moderation → claude_haiku}, {@code use case x (cost override) → y}. */
    public String label() {
        if (useCase == null) {
            return "model " + block.name();
        }
        return "use case " + useCase + (costOverride ? " (cost override)" : "") + " → " + block.name();
    }

    public boolean capped() {
        return maxTokensSent != null && !maxTokensSent.equals(block.maxTokens());
    }
}
