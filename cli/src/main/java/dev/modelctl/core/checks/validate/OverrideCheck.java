package dev.modelctl.core.checks.validate;

import java.util.Set;
import java.util.EnumSet;
import dev.modelctl.core.checks.engine.FindingFactory;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.model.config.Durations;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.CostOverride;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An active cost override must be attributable and bounded: {@code override-incomplete|expired|ttl-too-long}. */
public final class OverrideCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.OVERRIDE_INCOMPLETE, Check.OVERRIDE_EXPIRED, Check.OVERRIDE_TTL_TOO_LONG);
    }

    static final List<String> REQUIRED_WHEN_ACTIVE = List.of("reason", "engineer", "started_at", "expires_at");

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        CostOverride o = doc.costOverride();
        List<Finding> out = new ArrayList<>();
        if (o == null || !o.active()) {
            return out;
        }
        // the fields the schema requires of an active override (its costOverride anyOf, which SchemaCheck leaves to
        // this check); a field that is present but mistyped or unparseable is the schema's to report
        JsonNode block = doc.source().root().at(o.pointer());
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED_WHEN_ACTIVE) {
            JsonNode v = block.path(field);
            if (v.isMissingNode() || v.isTextual() && v.asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            out.add(FindingFactory.at(doc.source(), o.pointer(), Check.OVERRIDE_INCOMPLETE,
                    "cost_override is active without " + String.join(", ", missing),
                    "use `modelctl override --cost --reason TEXT --ttl 4h`, which fills them in"));
        }
        Instant now = context.clock().instant();
        if (o.expiresAt() != null && !now.isBefore(o.expiresAt())) {
            out.add(FindingFactory.at(doc.source(), o.pointer() + "/expires_at", Check.OVERRIDE_EXPIRED,
                    "cost_override expired at " + o.expiresAt() + " but is still active: runtimes ignore it, traffic is back on the normal models",
                    "clear it with `modelctl override --clear`, or extend it deliberately"));
        }
        Duration max = context.config().override().maxTtl();
        if (o.startedAt() != null && o.expiresAt() != null) {
            Duration ttl = Duration.between(o.startedAt(), o.expiresAt());
            if (ttl.compareTo(max) > 0) {
                out.add(FindingFactory.at(doc.source(), o.pointer() + "/expires_at", Check.OVERRIDE_TTL_TOO_LONG,
                        "cost_override lasts " + Durations.format(ttl) + ", longer than the allowed " + Durations.format(max),
                        "set expires_at at most " + Durations.format(max) + " after started_at"));
            }
        }
        return out;
    }

}
