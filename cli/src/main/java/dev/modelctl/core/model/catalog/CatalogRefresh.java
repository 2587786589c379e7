package dev.modelctl.core.model.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelctl.core.model.catalog.BedrockModelSource.FoundationModel;
import dev.modelctl.core.model.catalog.BedrockModelSource.InferenceProfile;
import dev.modelctl.core.model.catalog.BedrockModelSource.RegionListing;
import dev.modelctl.core.base.doc.DocumentLoader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code catalog refresh}: turns what Bedrock lists in one or more Regions into a catalog overlay (docs/catalog.md).
 * Per model the overlay carries only what the API says (lifecycle status, on-demand in-region or profile-only, the
 * geographies of its system-defined profiles, modalities); limits, prices and parameters stay the reviewed values of
 * the base catalog, and a model the base catalog lacks is marked {@code limits: unknown}.
 *
 * <p>Across Regions: the least available lifecycle wins (legacy in one Region is legacy), in-region means on-demand in
 * every Region that lists the model, profiles are the union. Provisioned-only variants (IDs such as {@code …:200k})
 * are left out: a routing document cannot call them on demand.
 */
public final class CatalogRefresh {
    public static final String SOURCE_ID = "bedrock-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogRefresh() {
    }

    /** The overlay file's text and its parsed form. */
    public record Overlay(String text, ModelCatalog catalog, int models, int newModels) {
    }

    public static Overlay build(ModelCatalog base, List<RegionListing> listings, Instant at) {
        Map<String, Live> live = new TreeMap<>();
        Set<String> geographies = new LinkedHashSet<>(base.profilePrefixes());
        for (RegionListing region : listings) {
            Map<String, Set<String>> profilesByModel = new LinkedHashMap<>();
            for (InferenceProfile p : region.profiles()) {
                int dot = p.id().indexOf('.');
                if (!"SYSTEM_DEFINED".equals(p.type()) || dot <= 0 || !"ACTIVE".equals(p.status() == null ? "ACTIVE" : p.status())) {
                    continue;
                }
                String geography = p.id().substring(0, dot);
                if (!geography.matches("[a-z]+(-[a-z]+)*")) {
                    continue;
                }
                geographies.add(geography);
                for (String arn : p.modelArns()) {
                    int slash = arn.lastIndexOf("foundation-model/");
                    if (slash >= 0) {
                        profilesByModel.computeIfAbsent(arn.substring(slash + "foundation-model/".length()), k -> new LinkedHashSet<>())
                                .add(geography);
                    }
                }
            }
            for (FoundationModel m : region.models()) {
                boolean onDemand = m.inferenceTypes().contains("ON_DEMAND");
                if (!onDemand && !m.inferenceTypes().contains("INFERENCE_PROFILE") || m.modelId().indexOf('.') <= 0) {
                    continue;
                }
                live.computeIfAbsent(m.modelId(), id -> new Live(m)).add(region.region(), m, onDemand,
                        profilesByModel.getOrDefault(m.modelId(), Set.of()));
            }
        }
        List<String> regions = listings.stream().map(RegionListing::region).toList();
        StringBuilder y = new StringBuilder();
        y.append("# Catalog overlay written by `modelctl catalog refresh`: what Bedrock's ListFoundationModels and\n")
                .append("# ListInferenceProfiles returned. It overrides lifecycle and inference facts of the built-in catalog; limits\n")
                .append("# and prices stay the reviewed values there. Format: docs/catalog.md. Regenerate, do not edit by hand.\n")
                .append("version: 1\n")
                .append("generated: {at: ").append(q(at.toString())).append(", regions: ").append(list(regions))
                .append(", tool: \"modelctl catalog refresh\"}\n")
                .append("sources:\n")
                .append("  - id: ").append(SOURCE_ID).append('\n')
                .append("    url: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html\n")
                .append("    title: ").append(q("ListFoundationModels and ListInferenceProfiles in " + String.join(", ", regions) + " at " + at)).append('\n')
                .append("    kind: api\n")
                .append("inference_profile_prefixes: ").append(list(new ArrayList<>(geographies))).append('\n')
                .append("models:\n");
        int added = 0;
        for (Live l : live.values()) {
            CatalogModel known = base.find(l.modelId).filter(k -> k.modelId().equals(l.modelId)).orElse(null);
            String namespace = l.modelId.substring(0, l.modelId.indexOf('.'));
            y.append("  - model_id: ").append(q(l.modelId)).append('\n');
            y.append("    provider: ").append(q(namespace)).append('\n');
            y.append("    family: ").append(q(known != null ? known.family() : family(l.modelName))).append('\n');
            if (known != null && !known.requestFormat().isEmpty()) {
                y.append("    request_format: ").append(q(known.requestFormat())).append('\n');
            }
            y.append("    source: ").append(SOURCE_ID).append('\n');
            y.append("    lifecycle: {status: ").append(l.status.id());
            if (l.status == Lifecycle.Status.LEGACY && known != null && known.lifecycle().eolDate() != null) {
                y.append(", eol_date: ").append(q(known.lifecycle().eolDate().toString())); // the API gives no date: keep the reviewed one
            }
            if (l.status != Lifecycle.Status.ACTIVE && known != null && known.lifecycle().replacement() != null) {
                y.append(", replacement: ").append(q(known.lifecycle().replacement()));
            }
            y.append(", source: ").append(SOURCE_ID).append("}\n");
            y.append("    inference: {in_region: ").append(l.inRegion).append(", profiles: ")
                    .append(list(l.profiles.stream().sorted(java.util.Comparator.comparingInt(p -> order(p, geographies))).toList()))
                    .append(", source: ").append(SOURCE_ID).append("}\n");
            y.append("    modalities: {input: ").append(list(l.input)).append(", output: ").append(list(l.output)).append("}\n");
            List<String> notes = new ArrayList<>();
            if (known == null) {
                added++;
                y.append("    limits: unknown\n");
                notes.add("New on Bedrock (" + l.providerName + " " + l.modelName + "): output limit, context window and prices "
                        + "are unknown to the catalog until reviewed into catalog/bedrock_models.yaml.");
            }
            if (l.regions.size() < regions.size()) {
                notes.add("Listed in " + String.join(", ", l.regions) + " only.");
            }
            if (!notes.isEmpty()) {
                y.append("    note: ").append(q(String.join(" ", notes))).append('\n');
            }
        }
        String text = y.toString();
        ModelCatalog parsed = ModelCatalog.parse(new DocumentLoader().parse(text.getBytes(StandardCharsets.UTF_8), "catalog overlay"));
        return new Overlay(text, parsed, live.size(), added);
    }

    private static int order(String geography, Set<String> geographies) {
        return new ArrayList<>(geographies).indexOf(geography);
    }

    /** "Claude 3 Haiku" → "claude-3-haiku". */
    static String family(String modelName) {
        String f = modelName == null ? "" : modelName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
        return f.isEmpty() ? "unknown" : f;
    }

    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(CatalogRefresh::q).toList()) + "]";
    }

    /** One model across the Regions that list it. */
    private static final class Live {
        final String modelId;
        final String providerName;
        final String modelName;
        final List<String> input;
        final List<String> output;
        final List<String> regions = new ArrayList<>();
        final Set<String> profiles = new LinkedHashSet<>();
        Lifecycle.Status status = Lifecycle.Status.ACTIVE;
        boolean inRegion = true;

        Live(FoundationModel m) {
            this.modelId = m.modelId();
            this.providerName = m.providerName() == null ? "" : m.providerName();
            this.modelName = m.modelName() == null ? "" : m.modelName();
            this.input = m.inputModalities().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            this.output = m.outputModalities().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        }

        void add(String region, FoundationModel m, boolean onDemand, Set<String> regionProfiles) {
            regions.add(region);
            inRegion &= onDemand;
            profiles.addAll(regionProfiles);
            if (!"ACTIVE".equalsIgnoreCase(m.lifecycleStatus())) {
                status = Lifecycle.Status.LEGACY; // LEGACY, or a status newer than this tool: not "active" either way
            }
        }
    }
}
