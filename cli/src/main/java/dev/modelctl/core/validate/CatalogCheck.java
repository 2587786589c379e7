package dev.modelctl.core.validate;

import dev.modelctl.core.catalog.CatalogModel;
import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.routing.ModelBlock;
import dev.modelctl.core.routing.RoutingDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalog facts the schema cannot know: {@code unknown-model-id}, {@code max-tokens-over-limit}, and
 * {@code anthropic-version} (missing or not one the model accepts) — the 22-minute-outage class of mistake.
 */
public final class CatalogCheck implements DocumentCheck {
    static final String ANTHROPIC_VERSION = "anthropic_version";

    @Override
    public List<Finding> check(RoutingDocument doc, CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (ModelBlock m : doc.models().values()) {
            if (m.modelId() == null) {
                continue;
            }
            Optional<CatalogModel> known = context.catalog().find(m.modelId());
            if (known.isEmpty()) {
                String base = context.catalog().baseModelId(m.modelId());
                String close = Suggest.closest(base, context.catalog().all().stream().map(CatalogModel::modelId).toList());
                out.add(FindingFactory.at(doc.source(), m.pointer() + "/model_id", Check.UNKNOWN_MODEL_ID,
                        "model '" + m.name() + "': '" + m.modelId() + "' is not a known Bedrock model ID",
                        close != null ? "did you mean '" + close + "'? (`modelctl new-model` lists the catalog)"
                                : "check the ID in the Bedrock console; a newer model may need a catalog update"));
                if (isAnthropic(m.modelId())) {
                    anthropicVersion(doc, m, List.of(), out);
                }
                continue;
            }
            CatalogModel c = known.get();
            if (m.maxTokens() != null && m.maxTokens() > c.maxOutputTokens()) {
                out.add(FindingFactory.at(doc.source(), m.pointer() + "/max_tokens", Check.MAX_TOKENS_OVER_LIMIT,
                        "model '" + m.name() + "': max_tokens " + m.maxTokens() + " exceeds the " + c.maxOutputTokens()
                                + " output tokens " + c.modelId() + " allows; Bedrock rejects the call with a ValidationException",
                        "set max_tokens to at most " + c.maxOutputTokens()));
            }
            if (c.requires(ANTHROPIC_VERSION) || isAnthropic(m.modelId())) {
                anthropicVersion(doc, m, c.anthropicVersions(), out);
            }
        }
        return out;
    }

    private static boolean isAnthropic(String modelId) {
        return modelId.contains("anthropic.");
    }

    private static void anthropicVersion(RoutingDocument doc, ModelBlock m, List<String> allowed, List<Finding> out) {
        List<String> versions = allowed.isEmpty() ? List.of("bedrock-2023-05-31") : allowed;
        if (m.anthropicVersion() == null) {
            out.add(FindingFactory.at(doc.source(), m.pointer(), Check.ANTHROPIC_VERSION,
                    "model '" + m.name() + "' (" + m.modelId() + ") has no anthropic_version; every InvokeModel call will fail with a ValidationException",
                    "add `anthropic_version: " + versions.get(0) + "`"));
        } else if (!versions.contains(m.anthropicVersion())) {
            out.add(FindingFactory.at(doc.source(), m.pointer() + "/anthropic_version", Check.ANTHROPIC_VERSION,
                    "model '" + m.name() + "': anthropic_version '" + m.anthropicVersion() + "' is not accepted by Bedrock",
                    "use " + String.join(" or ", versions)));
        }
    }
}
