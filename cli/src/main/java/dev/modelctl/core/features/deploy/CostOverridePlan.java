package dev.modelctl.core.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turning the cost override on or off in a deployed document's JSON tree. Which model a request then gets is the
 * {@link dev.modelctl.core.model.route.Router}'s business; what it costs is {@link dev.modelctl.core.model.impact.RoutingImpact}'s.
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
}
