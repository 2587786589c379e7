package dev.modelctl.core.features.smoke;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.model.routing.ModelBlock;
import dev.modelctl.core.model.routing.RoutingDocument;
import dev.modelctl.core.model.routing.UseCase;
import dev.modelctl.core.checks.engine.FindingFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a smoke run: one call per model block, and one per use case for its model and its {@code cost_override_model};
 * with use cases named, only those use cases' calls. Each call's worst-case cost is known before anything is called.
 */
public final class SmokePlanner {
    /**
     * Input tokens assumed per call for the estimate: the one-line prompt plus each format's chat template is 10–30
     * tokens; the real count comes back with the response.
     */
    static final int PROMPT_TOKENS = 32;

    private final ModelCatalog catalog;
    private final OutputCap cap;

    public SmokePlanner(ModelCatalog catalog, OutputCap cap) {
        this.catalog = catalog;
        this.cap = cap;
    }

    /** @param onlyUseCases use-case names to limit the run to; empty: every model block and every use case */
    public SmokePlan plan(RoutingDocument doc, List<String> onlyUseCases) {
        Planning p = new Planning(doc);
        if (onlyUseCases.isEmpty()) {
            doc.models().values().forEach(m -> p.add(m, null, false));
        }
        for (UseCase u : doc.useCases().values()) {
            if (!onlyUseCases.isEmpty() && !onlyUseCases.contains(u.name())) {
                continue;
            }
            p.reference(u, "model", u.model(), false);
            p.reference(u, "cost_override_model", u.costOverrideModel(), true);
        }
        return new SmokePlan(p.calls, p.findings);
    }

    /** The state of one planning pass; each unplannable block or reference is reported once. */
    private final class Planning {
        final RoutingDocument doc;
        final SourceDocument source;
        final List<PlannedCall> calls = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final Set<String> reported = new HashSet<>();

        Planning(RoutingDocument doc) {
            this.doc = doc;
            this.source = doc.source();
        }

        void reference(UseCase u, String field, String modelName, boolean costOverride) {
            if (modelName == null) {
                return;
            }
            ModelBlock m = doc.models().get(modelName);
            if (m == null) {
                String pointer = u.pointer() + "/" + field;
                if (reported.add(pointer)) {
                    findings.add(FindingFactory.at(source, pointer, Check.UNKNOWN_MODEL_REFERENCE,
                            "use case '" + u.name() + "' routes to '" + modelName + "', which names no model block: nothing to call",
                            "name a key of `models`"));
                }
                return;
            }
            add(m, u.name(), costOverride);
        }

        void add(ModelBlock m, String useCase, boolean costOverride) {
            if (m.modelId() == null) {
                once(m, FindingFactory.atKey(source, m.pointer(), Check.SMOKE_CALL_FAILED,
                        "model block '" + m.name() + "' has no model_id: nothing to call", "set model_id to a Bedrock model ID"));
                return;
            }
            Optional<CatalogModel> known = catalog.find(m.modelId());
            if (known.isEmpty()) {
                once(m, FindingFactory.at(source, m.pointer() + "/model_id", Check.UNKNOWN_MODEL_ID,
                        "'" + m.modelId() + "' is not in the model catalog: smoke cannot tell which request body it takes",
                        "fix the ID (`modelctl validate` suggests the closest) or add the model to the catalog (--catalog)"));
                return;
            }
            CatalogModel model = known.get();
            Optional<RequestFormat> format = RequestFormat.of(model.requestFormat());
            if (format.isEmpty()) {
                once(m, FindingFactory.at(source, m.pointer() + "/model_id", Check.SMOKE_CALL_FAILED,
                        "the catalog gives '" + m.modelId() + "' the request format '" + model.requestFormat()
                                + "', which smoke cannot build", "smoke builds: " + String.join(", ", RequestFormat.ids())));
                return;
            }
            Long sent = cap.tokensToSend(m.maxTokens(), model);
            Position at = source.keyAt(m.pointer());
            calls.add(new PlannedCall(m, useCase, costOverride, model, format.get(), sent, estimate(model, sent), at.line(), at.column()));
        }

        private void once(ModelBlock m, Finding f) {
            if (reported.add(m.pointer())) {
                findings.add(f);
            }
        }
    }

    /**
     * The most one call can cost: the prompt, plus as many output tokens as the request allows, which is never more
     * than the model can produce (a {@code max_tokens} over the limit is refused, and a request without one gets at
     * most the model's maximum).
     */
    static double estimate(CatalogModel model, Long maxTokensSent) {
        long output = maxTokensSent == null ? model.maxOutputTokens() : Math.max(0, Math.min(maxTokensSent, model.maxOutputTokens()));
        return PROMPT_TOKENS / 1000.0 * model.pricePer1kInput() + output / 1000.0 * model.pricePer1kOutput();
    }
}
