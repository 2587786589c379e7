package dev.modelctl.core.checks.validate;

import dev.modelctl.core.checks.engine.FindingFactory;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import java.util.Set;
import java.util.EnumSet;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.Lifecycle;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.model.catalog.ProfileKind;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;
import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether each model block can be called at all, from the catalog's lifecycle and invocation facts (docs/validate.md):
 * {@code model-retired} (end of life: every call fails), {@code model-legacy} (a warning with the EOL date, an error once
 * the date, taken from the context's clock, has passed), {@code inference-profile-required} (a bare ID of a model with
 * no on-demand in-region throughput) and {@code parameter-not-supported} (a field the model refuses).
 */
public final class ModelAvailabilityCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.MODEL_RETIRED, Check.MODEL_LEGACY, Check.INFERENCE_PROFILE_REQUIRED, Check.PARAMETER_NOT_SUPPORTED);
    }

    /** Said in the hint when the fact behind a finding is one the catalog could not confirm on an AWS page. */
    static final String UNVERIFIED = " (this catalog fact is unverified: `modelctl catalog refresh` reads Bedrock's own listing)";

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        ModelCatalog catalog = context.catalog();
        LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
        for (ModelBlock m : doc.models().values()) {
            if (m.modelId() == null || ModelCatalog.isOpaqueArn(m.modelId())) {
                continue;
            }
            Optional<CatalogModel> known = catalog.find(m.modelId());
            if (known.isEmpty()) {
                continue; // unknown-model-id says so
            }
            CatalogModel c = known.get();
            lifecycle(doc, m, c, today, out);
            if (!c.inference().inRegion() && catalog.profileKind(m.modelId()) == ProfileKind.IN_REGION) {
                out.add(FindingFactory.at(doc.source(), m.pointer() + "/model_id", Check.INFERENCE_PROFILE_REQUIRED,
                        "model '" + m.name() + "': " + c.modelId() + " has no on-demand throughput in a single Region; Bedrock "
                                + "answers a call with this ID with a ValidationException asking for an inference profile",
                        profileHint(c) + (c.unverified("inference") ? UNVERIFIED : "")));
            }
            rejectedParameters(doc, m, c, out);
        }
        return out;
    }

    private static void lifecycle(RoutingDocument doc, ModelBlock m, CatalogModel c, LocalDate today, List<Finding> out) {
        Lifecycle l = c.lifecycle();
        String at = m.pointer() + "/model_id";
        String unverified = c.unverified("lifecycle") ? UNVERIFIED : "";
        switch (l.status()) {
            case ACTIVE -> {
            }
            case EOL -> out.add(FindingFactory.at(doc.source(), at, Check.MODEL_RETIRED,
                    "model '" + m.name() + "': " + c.modelId() + " has reached end of life on Bedrock"
                            + (l.eolDate() == null ? "" : " (" + l.eolDate() + ")") + "; every call fails",
                    moveTo(l) + unverified));
            case LEGACY -> {
                if (l.retiredOn(today)) {
                    out.add(FindingFactory.at(doc.source(), at, Check.MODEL_LEGACY,
                            "model '" + m.name() + "': " + c.modelId() + " is legacy and reached its Bedrock EOL date "
                                    + l.eolDate() + "; calls fail", moveTo(l) + unverified).withSeverity(Severity.ERROR));
                } else {
                    String when = l.eolDate() == null ? "; no EOL date is announced yet"
                            : " and reaches end of life on " + l.eolDate() + " (in " + ChronoUnit.DAYS.between(today, l.eolDate()) + " days)";
                    out.add(FindingFactory.at(doc.source(), at, Check.MODEL_LEGACY,
                            "model '" + m.name() + "': " + c.modelId() + " is legacy on Bedrock" + when,
                            "plan the " + moveTo(l) + (l.eolDate() == null ? "" : " before then") + unverified));
                }
            }
        }
    }

    private static String moveTo(Lifecycle l) {
        return l.replacement() != null ? "move to " + l.replacement() : "move to an active model (`modelctl catalog` lists them)";
    }

    private static String profileHint(CatalogModel c) {
        List<String> ids = c.profileIds();
        return ids.isEmpty() ? "use a cross-region inference profile ID (`aws bedrock list-inference-profiles` lists them)"
                : "use an inference profile ID instead: " + String.join(", ", ids);
    }

    /** {@code parameter-not-supported}: at each field of the block that the model refuses. */
    private static void rejectedParameters(RoutingDocument doc, ModelBlock m, CatalogModel c, List<Finding> out) {
        JsonNode block = doc.source().root().at(m.pointer());
        block.fieldNames().forEachRemaining(f -> {
            if (c.rejectedParameters().contains(f)) {
                out.add(FindingFactory.atKey(doc.source(), m.pointer() + "/" + f, Check.PARAMETER_NOT_SUPPORTED,
                        "model '" + m.name() + "': " + c.modelId() + " does not accept " + f
                                + "; Bedrock rejects a request that sets it with a ValidationException",
                        "remove " + f + (c.unverified("rejected_parameters") ? UNVERIFIED : "")));
            }
        });
    }
}
