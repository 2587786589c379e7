package dev.modelctl.core.model.impact;

import dev.modelctl.core.model.catalog.Price;
import dev.modelctl.core.model.route.RouteDecision;

/**
 * Where one request class goes in one document.
 *
 * @param model    the model name the class is finally routed to (after any cost override); {@code null} if none
 * @param modelId  that block's {@code model_id}
 * @param price    the catalog price of {@code modelId}, or {@code null} when unknown
 * @param decision the full routing decision (source, winning rule, override)
 */
public record ClassRouting(String model, String modelId, Price price, RouteDecision decision) {

    /** {@code nova_lite (amazon.nova-lite-v1:0)}. */
    public String describe() {
        if (model == null) {
            return "(no model)";
        }
        return modelId == null ? model : model + " (" + modelId + ")";
    }
}
