package dev.modelctl.core.model.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.modelctl.core.base.doc.CompiledTree;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.doc.Position;
import dev.modelctl.core.base.doc.ShippedSchemas;
import dev.modelctl.core.base.doc.SourceDocument;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Bedrock model catalog: built into the jar ({@code catalog/bedrock_models.yaml}), replaced by the repo config, or
 * overlaid with what Bedrock lists today ({@link #withOverlay}). Lookup understands the three ways a document names a
 * model: a base model ID, a cross-region inference profile ID ({@code us.anthropic.…}) and a Bedrock ARN
 * ({@code arn:aws:bedrock:…:foundation-model/…} or {@code …:inference-profile/…}). Catalog files are checked against
 * {@code schemas/bedrock_catalog.schema.json} at load; the format is docs/catalog.md.
 */
public final class ModelCatalog {
    public static final String RESOURCE = "/catalog/bedrock_models.yaml";
    public static final String SCHEMA_RESOURCE = "/schemas/bedrock_catalog.schema.json";

    private final Map<String, CatalogModel> byId;
    private final List<String> profilePrefixes;

    public ModelCatalog(List<CatalogModel> models, List<String> profilePrefixes) {
        this.byId = new LinkedHashMap<>();
        models.forEach(m -> byId.put(m.modelId(), m));
        this.profilePrefixes = List.copyOf(profilePrefixes);
    }

    private static volatile ModelCatalog builtIn;
    private static volatile Schema schema;

    public static ModelCatalog builtIn() {
        ModelCatalog c = builtIn;
        if (c == null) {
            // compiled at build time from the YAML to its tree (docs/startup.md); the shipped file is schema-checked by the
            // test suite (SchemaAndCatalogTest), not on every start
            c = parse(CompiledTree.load(RESOURCE, "catalog/bedrock_models.yaml"), false);
            builtIn = c;
        }
        return c;
    }

    /** A catalog file given in the repo config or on the command line (a whole catalog or an overlay: same format). */
    public static ModelCatalog load(Path file) {
        return parse(new DocumentLoader().of("model catalog").load(file, file.toString()));
    }

    /** Parses and checks a catalog document; any problem is one {@code file:line:col: …} {@link InputException}. */
    public static ModelCatalog parse(SourceDocument doc) {
        return parse(doc, true);
    }

    private static ModelCatalog parse(SourceDocument doc, boolean schemaCheck) {
        if (!doc.parsed() || !doc.findings().isEmpty()) {
            throw InputException.at(doc.findings().get(0));
        }
        if (schemaCheck) {
            checkSchema(doc);
        }
        return new Reader(doc).read();
    }

    /** The first schema error as one line at its place: "unknown field 'x'", "expected integer", … */
    private static void checkSchema(SourceDocument doc) {
        List<Error> errors = schema().validate(doc.root());
        if (errors.isEmpty()) {
            return;
        }
        Error e = errors.stream().min(java.util.Comparator.comparing((Error x) -> position(doc, x).line())
                .thenComparing(x -> position(doc, x).column())).orElseThrow();
        String pointer = ShippedSchemas.pointer(e.getInstanceLocation());
        String where = pointer.isEmpty() ? "catalog" : pointer.substring(1);
        String message = switch (String.valueOf(e.getKeyword())) {
            case "additionalProperties" -> where + ": unknown field '" + e.getProperty() + "'";
            case "required" -> where + ": missing required field '" + e.getProperty() + "'";
            default -> where + ": " + ShippedSchemas.stripPath(e.getMessage());
        };
        Position p = position(doc, e);
        throw new InputException(doc.file() + ":" + p.line() + ":" + p.column() + ": " + message
                + " (the catalog format is docs/catalog.md)");
    }

    private static Position position(SourceDocument doc, Error e) {
        String pointer = ShippedSchemas.pointer(e.getInstanceLocation());
        return "additionalProperties".equals(e.getKeyword())
                ? doc.keyAt(pointer + "/" + SourceDocument.escape(String.valueOf(e.getProperty()))) : doc.valueAt(pointer);
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = ShippedSchemas.compile(SCHEMA_RESOURCE, "").schema();
            schema = s;
        }
        return s;
    }



    /** Maps the checked tree to records; what the schema cannot say (references, dates, namespaces) is checked here. */
    private static final class Reader {
        private final SourceDocument doc;
        private final Set<String> sourceIds = new HashSet<>();

        Reader(SourceDocument doc) {
            this.doc = doc;
        }

        ModelCatalog read() {
            JsonNode root = doc.root();
            root.path("sources").forEach(s -> sourceIds.add(s.path("id").asText()));
            List<String> prefixes = strings(root.path("inference_profile_prefixes"));
            List<CatalogModel> models = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode m : root.path("models")) {
                String at = "/models/" + i++;
                String id = m.path("model_id").asText();
                if (!seen.add(id)) {
                    throw error(at + "/model_id", "model '" + id + "' is listed twice");
                }
                String namespace = id.substring(0, id.indexOf('.'));
                String provider = m.path("provider").asText(namespace);
                if (!provider.equals(namespace)) {
                    throw error(at + "/provider", "provider '" + provider + "' differs from the model ID's namespace '" + namespace + "'");
                }
                reference(m, at, "source");
                reference(m, at, "price_source");
                reference(m, at, "rejected_parameters_source");
                models.add(new CatalogModel(id, provider, m.path("family").asText(""),
                        m.path("max_output_tokens").asInt(0), m.path("context_window").asInt(0),
                        strings(m.path("required_fields")), strings(m.path("anthropic_versions")),
                        m.path("price_per_1k_input").asDouble(0), m.path("price_per_1k_output").asDouble(0),
                        m.path("request_format").asText(""), m.path("source").asText(""), strings(m.path("exclusive_parameters")),
                        lifecycle(m.path("lifecycle"), at + "/lifecycle"), inference(m.path("inference"), at + "/inference", prefixes),
                        strings(m.path("rejected_parameters")), prices(m.path("prices")), strings(m.path("unverified")),
                        m.path("note").asText(null)));
            }
            return new ModelCatalog(models, prefixes);
        }

        private Lifecycle lifecycle(JsonNode l, String at) {
            if (l.isMissingNode()) {
                return Lifecycle.UNSTATED;
            }
            reference(l, at, "source");
            LocalDate eol = null;
            if (l.has("eol_date")) {
                try {
                    eol = LocalDate.parse(l.get("eol_date").asText());
                } catch (DateTimeParseException e) {
                    throw error(at + "/eol_date", "'" + l.get("eol_date").asText() + "' is not a date (YYYY-MM-DD)");
                }
            }
            return new Lifecycle(Lifecycle.Status.of(l.path("status").asText()), eol, l.path("replacement").asText(null),
                    l.path("source").asText(null));
        }

        private InferenceAccess inference(JsonNode n, String at, List<String> prefixes) {
            if (n.isMissingNode()) {
                return InferenceAccess.UNSTATED;
            }
            reference(n, at, "source");
            List<String> profiles = strings(n.path("profiles"));
            for (int j = 0; j < profiles.size(); j++) {
                if (!prefixes.contains(profiles.get(j))) {
                    throw error(at + "/profiles/" + j, "'" + profiles.get(j) + "' is not one of inference_profile_prefixes "
                            + prefixes);
                }
            }
            return new InferenceAccess(n.path("in_region").asBoolean(true), profiles, n.path("source").asText(null));
        }

        private Map<ProfileKind, Price> prices(JsonNode p) {
            Map<ProfileKind, Price> out = new EnumMap<>(ProfileKind.class);
            if (p.has("geo")) {
                out.put(ProfileKind.GEO, new Price(p.get("geo").path("input").asDouble(0), p.get("geo").path("output").asDouble(0)));
            }
            if (p.has("global")) {
                out.put(ProfileKind.GLOBAL, new Price(p.get("global").path("input").asDouble(0), p.get("global").path("output").asDouble(0)));
            }
            return out;
        }

        /** A source id must name an entry of {@code sources} (when the file has a sources list). */
        private void reference(JsonNode node, String at, String field) {
            if (node.has(field) && !sourceIds.isEmpty() && !sourceIds.contains(node.get(field).asText())) {
                throw error(at + "/" + field, "source '" + node.get(field).asText() + "' is not in the sources list");
            }
        }

        private InputException error(String pointer, String message) {
            Position p = doc.valueAt(pointer);
            return new InputException(doc.file() + ":" + p.line() + ":" + p.column() + ": " + message);
        }
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

    /** Every provider namespace of the catalog's model IDs ({@code anthropic}, {@code amazon}, {@code qwen}…), sorted. */
    public List<String> providerNamespaces() {
        Set<String> out = new TreeSet<>();
        byId.keySet().forEach(id -> out.add(id.substring(0, id.indexOf('.'))));
        return List.copyOf(out);
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
        String id = resourceId(modelIdOrArn);
        if (byId.containsKey(id)) {
            return id;
        }
        String prefix = profilePrefix(id);
        return prefix == null ? id : id.substring(prefix.length() + 1);
    }

    /** How {@code modelIdOrArn} reaches its model: bare (in-region), through a geographic profile, or {@code global.}. */
    /**
     * What a call through this model ID, inference-profile ID or ARN pays: the price of its profile kind (geo and
     * global profiles may differ); empty when the catalog has no price for the model.
     */
    public Optional<Price> priceOf(String modelIdOrArn) {
        return find(modelIdOrArn).map(m -> m.price(profileKind(modelIdOrArn))).filter(p -> p.input() > 0 || p.output() > 0);
    }

    public ProfileKind profileKind(String modelIdOrArn) {
        String prefix = profilePrefix(resourceId(modelIdOrArn));
        return prefix == null ? ProfileKind.IN_REGION : prefix.equals("global") ? ProfileKind.GLOBAL : ProfileKind.GEO;
    }

    /** The geography prefix of an inference-profile ID ({@code us} of {@code us.anthropic.…}), or {@code null} for a base ID. */
    public String profilePrefix(String id) {
        String bare = resourceId(id);
        if (byId.containsKey(bare)) {
            return null;
        }
        int dot = bare.indexOf('.');
        return dot > 0 && profilePrefixes.contains(bare.substring(0, dot)) ? bare.substring(0, dot) : null;
    }

    private static String resourceId(String modelIdOrArn) {
        if (modelIdOrArn.startsWith("arn:")) {
            int slash = modelIdOrArn.lastIndexOf('/');
            return slash >= 0 ? modelIdOrArn.substring(slash + 1) : modelIdOrArn;
        }
        return modelIdOrArn;
    }

    /**
     * This catalog with an overlay applied (docs/catalog.md): an overlay entry for a known model replaces its lifecycle
     * and inference facts and keeps the reviewed limits, prices and parameters; an entry for a model this catalog lacks
     * is added as it is (its limits unknown). Models the overlay does not list keep their reviewed facts.
     */
    public ModelCatalog withOverlay(ModelCatalog overlay) {
        Map<String, CatalogModel> merged = new LinkedHashMap<>(byId);
        for (CatalogModel live : overlay.all()) {
            CatalogModel known = byId.get(live.modelId());
            merged.put(live.modelId(), known == null ? live : known.withLiveFacts(live.lifecycle(), live.inference()));
        }
        List<String> prefixes = new ArrayList<>(profilePrefixes);
        overlay.profilePrefixes().stream().filter(p -> !prefixes.contains(p)).forEach(prefixes::add);
        return new ModelCatalog(List.copyOf(merged.values()), prefixes);
    }
}
