package dev.modelctl.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.doc.CompiledYaml;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.doc.SourceDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Bedrock model catalog: built into the jar ({@code catalog/bedrock_models.yaml}) or replaced by the repo config.
 * Lookup understands the three ways a document names a model: a base model ID, a cross-region inference profile ID
 * ({@code us.anthropic.…}) and a Bedrock ARN ({@code arn:aws:bedrock:…:foundation-model/…} or {@code …:inference-profile/…}).
 */
public final class ModelCatalog {
    public static final String RESOURCE = "/catalog/bedrock_models.yaml";

    private final Map<String, CatalogModel> byId;
    private final List<String> profilePrefixes;

    public ModelCatalog(List<CatalogModel> models, List<String> profilePrefixes) {
        this.byId = new LinkedHashMap<>();
        models.forEach(m -> byId.put(m.modelId(), m));
        this.profilePrefixes = List.copyOf(profilePrefixes);
    }

    private static volatile ModelCatalog builtIn;

    public static ModelCatalog builtIn() {
        ModelCatalog c = builtIn;
        if (c == null) {
            // compiled to JSON at build time from the YAML (docs/startup.md)
            c = parse(CompiledYaml.load(RESOURCE, "catalog/bedrock_models.yaml"));
            builtIn = c;
        }
        return c;
    }

    /** A catalog file given in the repo config or on the command line. */
    public static ModelCatalog load(Path file) {
        return parse(new DocumentLoader().load(file, file.toString()));
    }

    static ModelCatalog parse(SourceDocument doc) {
        if (!doc.parsed() || !doc.findings().isEmpty()) {
            var f = doc.findings().get(0);
            throw InputException.at(f);
        }
        JsonNode root = doc.root();
        List<CatalogModel> models = new ArrayList<>();
        int i = 0;
        for (JsonNode m : root.path("models")) {
            String id = m.path("model_id").asText(null);
            if (id == null || !m.path("max_output_tokens").canConvertToInt()) {
                var p = doc.valueAt("/models/" + i);
                throw new InputException(doc.file() + ":" + p.line() + ":" + p.column()
                        + ": catalog entry needs model_id and max_output_tokens");
            }
            models.add(new CatalogModel(id, m.path("provider").asText(""), m.path("family").asText(""),
                    m.path("max_output_tokens").asInt(), m.path("context_window").asInt(0),
                    strings(m.path("required_fields")), strings(m.path("anthropic_versions")),
                    m.path("price_per_1k_input").asDouble(0), m.path("price_per_1k_output").asDouble(0),
                    m.path("request_format").asText(""), m.path("source").asText(""), strings(m.path("exclusive_parameters"))));
            i++;
        }
        return new ModelCatalog(models, strings(root.path("inference_profile_prefixes")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    /** The geography prefixes of cross-region inference profile IDs ({@code us}, {@code eu}, {@code global}…). */
    public List<String> profilePrefixes() {
        return profilePrefixes;
    }

    public List<CatalogModel> all() {
        return List.copyOf(byId.values());
    }

    /** ARN resource types whose model is account-specific: the ARN does not say which catalog model it runs. */
    private static final java.util.regex.Pattern OPAQUE_ARN = java.util.regex.Pattern.compile(
            "^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(application-inference-profile|provisioned-model|custom-model|imported-model)/.+");

    /**
     * True for an application inference profile, provisioned model, custom or imported model ARN: valid, but which
     * model it runs is known only to the account, so the catalog can neither find nor reject it.
     */
    public static boolean isOpaqueArn(String modelId) {
        return OPAQUE_ARN.matcher(modelId).matches();
    }

    /** The catalog entry for a base model ID, an inference-profile ID or a Bedrock ARN. */
    public Optional<CatalogModel> find(String modelIdOrArn) {
        return Optional.ofNullable(byId.get(baseModelId(modelIdOrArn)));
    }

    /**
     * Strips an ARN down to its resource ID and an inference-profile prefix ({@code us.}, {@code eu.}, {@code global.}…)
     * down to the base model ID.
     */
    public String baseModelId(String modelIdOrArn) {
        String id = modelIdOrArn;
        if (id.startsWith("arn:")) {
            int slash = id.lastIndexOf('/');
            id = slash >= 0 ? id.substring(slash + 1) : id;
        }
        if (byId.containsKey(id)) {
            return id;
        }
        int dot = id.indexOf('.');
        if (dot > 0 && profilePrefixes.contains(id.substring(0, dot))) {
            return id.substring(dot + 1);
        }
        return id;
    }
}
