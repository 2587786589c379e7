package dev.modelctl.core.checks.validate;

import java.util.Set;
import java.util.EnumSet;
import dev.modelctl.core.checks.engine.Suggest;
import dev.modelctl.core.checks.engine.FindingFactory;
import dev.modelctl.core.checks.engine.CheckContext;
import dev.modelctl.core.checks.engine.DocumentCheck;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Catalog facts the schema cannot know: {@code unknown-model-id}, {@code max-tokens-over-limit},
 * {@code conflicting-parameters}, and {@code anthropic-version} (missing or not one the model accepts) — the
 * 22-minute-outage class of mistake.
 *
 * <p>The schema states the {@code anthropic_version} rule too (so AppConfig enforces it service-side); locally this
 * check owns it and {@link SchemaCheck} stays silent about it. Both use {@link #ANTHROPIC_MODEL_ID}, so the two agree
 * on which blocks it applies to. A present but mistyped {@code anthropic_version} is the schema's to report.
 */
public final class CatalogCheck implements DocumentCheck {
    @Override
    public Set<Check> reports() {
        return EnumSet.of(Check.ANTHROPIC_VERSION, Check.MAX_TOKENS_OVER_LIMIT, Check.UNKNOWN_MODEL_ID, Check.CONFLICTING_PARAMETERS);
    }

    static final String ANTHROPIC_VERSION = "anthropic_version";
    /** A model ID, inference-profile ID or ARN that names an Anthropic model; the schema's conditional uses the same pattern. */
    public static final Pattern ANTHROPIC_MODEL_ID = Pattern.compile("(^|[./])anthropic\\.");

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (ModelBlock m : doc.models().values()) {
            if (m.modelId() == null || ModelCatalog.isOpaqueArn(m.modelId())) {
                continue; // mistyped (the schema says so), or an account-specific ARN the catalog cannot resolve
            }
            Optional<CatalogModel> known = context.catalog().find(m.modelId());
            if (known.isEmpty()) {
                String base = context.catalog().baseModelId(m.modelId());
                String close = Suggest.closest(base, context.catalog().all().stream().map(CatalogModel::modelId).toList());
                out.add(FindingFactory.at(doc.source(), m.pointer() + "/model_id", Check.UNKNOWN_MODEL_ID,
                        "model '" + m.name() + "': '" + m.modelId() + "' is not a known Bedrock model ID",
                        close != null ? "did you mean '" + close + "'? (`modelctl catalog` lists the known IDs)"
                                : "check the ID in the Bedrock console; a newer model may need a catalog update (`modelctl catalog` lists the known IDs)"));
                if (isAnthropic(m.modelId())) {
                    anthropicVersion(doc, m, List.of(), out);
                }
                continue;
            }
            CatalogModel c = known.get();
            if (m.maxTokens() != null && c.limitsKnown() && m.maxTokens() > c.maxOutputTokens()) {
                out.add(FindingFactory.at(doc.source(), m.pointer() + "/max_tokens", Check.MAX_TOKENS_OVER_LIMIT,
                        "model '" + m.name() + "': max_tokens " + m.maxTokens() + " exceeds the " + c.maxOutputTokens()
                                + " output tokens " + c.modelId() + " allows; Bedrock rejects the call with a ValidationException",
                        "set max_tokens to at most " + c.maxOutputTokens()));
            }
            exclusiveParameters(doc, m, c, out);
            if (c.requires(ANTHROPIC_VERSION) || isAnthropic(m.modelId())) {
                anthropicVersion(doc, m, c.anthropicVersions(), out);
            }
        }
        return out;
    }

    static boolean isAnthropic(String modelId) {
        return ANTHROPIC_MODEL_ID.matcher(modelId).find();
    }

    /** {@code conflicting-parameters}: at the second of the fields the model accepts only one of. */
    private static void exclusiveParameters(RoutingDocument doc, ModelBlock m, CatalogModel c, List<Finding> out) {
        JsonNode block = doc.source().root().at(m.pointer());
        List<String> set = new ArrayList<>(); // in document order: the later one is reported, the first one kept
        block.fieldNames().forEachRemaining(f -> {
            if (c.exclusiveParameters().contains(f)) {
                set.add(f);
            }
        });
        if (set.size() < 2) {
            return;
        }
        String kept = set.get(0);
        out.add(FindingFactory.atKey(doc.source(), m.pointer() + "/" + set.get(1), Check.CONFLICTING_PARAMETERS,
                "model '" + m.name() + "': " + c.modelId() + " accepts only one of " + String.join(", ", set)
                        + "; Bedrock rejects a request that sets both with a ValidationException",
                "keep " + kept + " and remove " + String.join(", ", set.subList(1, set.size()))));
    }

    private static void anthropicVersion(RoutingDocument doc, ModelBlock m, List<String> allowed, List<Finding> out) {
        List<String> versions = allowed.isEmpty() ? List.of("bedrock-2023-05-31") : allowed;
        JsonNode value = doc.source().root().at(m.pointer() + "/" + ANTHROPIC_VERSION);
        if (value.isMissingNode()) {
            out.add(FindingFactory.at(doc.source(), m.pointer(), Check.ANTHROPIC_VERSION,
                    "model '" + m.name() + "' (" + m.modelId() + ") has no anthropic_version; every InvokeModel call will fail with a ValidationException",
                    "add `anthropic_version: " + versions.get(0) + "`"));
        } else if (value.isTextual() && !versions.contains(value.asText())) {
            out.add(FindingFactory.at(doc.source(), m.pointer() + "/" + ANTHROPIC_VERSION, Check.ANTHROPIC_VERSION,
                    "model '" + m.name() + "': anthropic_version '" + value.asText() + "' is not accepted by Bedrock",
                    "use " + String.join(" or ", versions)));
        }
        // present but not a string: a schema-violation says so, at the value
    }
}
