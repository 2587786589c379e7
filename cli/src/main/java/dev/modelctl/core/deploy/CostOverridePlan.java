package dev.modelctl.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.catalog.ModelCatalog;
import dev.modelctl.core.routing.ModelBlock;
import dev.modelctl.core.routing.RoutingDocument;
import dev.modelctl.core.routing.UseCase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turning the cost override on or off in a deployed document, and what it saves: the on-call path
 * ({@code modelctl override --cost}).
 */
public final class CostOverridePlan {
    private CostOverridePlan() {
    }

    /** The override an on-call engineer asked for. {@code useCases} empty = every use case. */
    public record Request(List<String> useCases, String model, String reason, String engineer, Duration ttl) {
    }

    /** A copy of {@code root} with {@code cost_override} active as requested, starting at {@code now}. */
    public static ObjectNode activate(JsonNode root, Request r, Instant now) {
        ObjectNode doc = root.deepCopy();
        ObjectNode o = doc.putObject("cost_override");
        o.put("active", true);
        ArrayNode cases = o.putArray("use_cases");
        r.useCases().forEach(cases::add);
        o.put("model", r.model());
        o.put("reason", r.reason());
        o.put("engineer", r.engineer());
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        o.put("started_at", start.toString());
        o.put("expires_at", start.plus(r.ttl()).toString());
        return doc;
    }

    /** A copy with the override switched off; its other fields stay for the audit trail. */
    public static ObjectNode clear(JsonNode root) {
        ObjectNode doc = root.deepCopy();
        JsonNode existing = doc.path("cost_override");
        ObjectNode o = existing.isObject() ? (ObjectNode) existing : doc.putObject("cost_override");
        o.put("active", false);
        return doc;
    }

    /** The model an active override would route {@code useCase} to: its cost_override_model, else the override's. */
    public static String overrideModelFor(RoutingDocument doc, UseCase useCase, String overrideModel) {
        return useCase.costOverrideModel() != null ? useCase.costOverrideModel() : overrideModel;
    }

    /**
     * One line per affected use case: normal model → override model with the blended on-demand price per 1k tokens
     * (input and output weighted equally) and the reduction.
     */
    public static List<String> estimate(RoutingDocument doc, ModelCatalog catalog, List<String> useCases, String overrideModel) {
        List<String> out = new ArrayList<>();
        for (UseCase u : doc.useCases().values()) {
            if (!useCases.isEmpty() && !useCases.contains(u.name())) {
                continue;
            }
            String to = overrideModelFor(doc, u, overrideModel);
            Optional<Double> before = price(doc, catalog, u.model());
            Optional<Double> after = price(doc, catalog, to);
            String change = before.isPresent() && after.isPresent() && before.get() > 0
                    ? String.format(Locale.ROOT, "%+.0f%%", (after.get() / before.get() - 1) * 100) : "n/a";
            out.add(String.format(Locale.ROOT, "%s: %s %s -> %s %s (%s)", u.name(), u.model(), fmt(before), to, fmt(after), change));
        }
        return out;
    }

    private static Optional<Double> price(RoutingDocument doc, ModelCatalog catalog, String model) {
        ModelBlock b = model == null ? null : doc.models().get(model);
        if (b == null || b.modelId() == null) {
            return Optional.empty();
        }
        return catalog.find(b.modelId()).map(CatalogModel::pricePer1kInput).flatMap(in -> catalog.find(b.modelId())
                .map(c -> (in + c.pricePer1kOutput()) / 2));
    }

    private static String fmt(Optional<Double> p) {
        return p.map(v -> String.format(Locale.ROOT, "$%.5f/1k", v)).orElse("(price unknown)");
    }
}
