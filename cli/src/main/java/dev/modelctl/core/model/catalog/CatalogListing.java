package dev.modelctl.core.model.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code modelctl catalog}: the catalog's models, optionally filtered, as a text table or JSON. */
public final class CatalogListing {
    /** Prices print as 0.000035, not 3.5E-5. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CatalogListing() {
    }

    /** The models whose ID, provider or family contains every term (case-insensitive); all of them for no terms. */
    public static List<CatalogModel> filter(ModelCatalog catalog, List<String> terms) {
        return catalog.all().stream().filter(m -> terms.stream().allMatch(t -> {
            String term = t.toLowerCase(Locale.ROOT);
            return m.modelId().contains(term) || m.provider().contains(term) || m.family().contains(term);
        })).toList();
    }

    public static String table(List<CatalogModel> models, List<String> profilePrefixes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"MODEL ID", "FAMILY", "MAX OUTPUT", "CONTEXT", "$/1K IN", "$/1K OUT", "REQUEST FORMAT", "LIFECYCLE", "INVOKE"});
        for (CatalogModel m : models) {
            rows.add(new String[]{m.modelId(), m.family(), known(m.maxOutputTokens()), known(m.contextWindow()),
                    m.pricePer1kInput() > 0 ? price(m.pricePer1kInput()) : "?", m.pricePer1kOutput() > 0 ? price(m.pricePer1kOutput()) : "?",
                    m.requestFormat().isEmpty() ? "?" : m.requestFormat(), lifecycle(m.lifecycle()),
                    m.inference().inRegion() ? "in-region" : "profile"});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i <= 5;
                String cell = numeric ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i] + " ".repeat(width[i] - row[i].length());
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append(models.size()).append(models.size() == 1 ? " model" : " models")
                .append("; a cross-region inference profile ID is a geography prefix (")
                .append(String.join(", ", profilePrefixes.stream().map(p -> p + ".").toList()))
                .append(") before a model ID; Bedrock ARNs work too; ? = not known to the catalog\n");
        return out.toString();
    }

    private static String known(int n) {
        return n > 0 ? Integer.toString(n) : "?";
    }

    private static String lifecycle(Lifecycle l) {
        return l.status().id() + (l.eolDate() == null ? "" : " " + l.eolDate());
    }

    public static String json(List<CatalogModel> models, List<String> profilePrefixes) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode prefixes = root.putArray("inference_profile_prefixes");
        profilePrefixes.forEach(prefixes::add);
        ArrayNode list = root.putArray("models");
        for (CatalogModel m : models) {
            ObjectNode o = list.addObject();
            o.put("model_id", m.modelId());
            o.put("provider", m.provider());
            o.put("family", m.family());
            if (m.limitsKnown()) {
                o.put("max_output_tokens", m.maxOutputTokens());
            } else {
                o.put("limits", "unknown");
            }
            if (m.contextWindow() > 0) {
                o.put("context_window", m.contextWindow());
            }
            m.requiredFields().forEach(o.putArray("required_fields")::add);
            m.anthropicVersions().forEach(o.putArray("anthropic_versions")::add);
            m.exclusiveParameters().forEach(o.putArray("exclusive_parameters")::add);
            m.rejectedParameters().forEach(o.putArray("rejected_parameters")::add);
            o.put("price_per_1k_input", java.math.BigDecimal.valueOf(m.pricePer1kInput()));
            o.put("price_per_1k_output", java.math.BigDecimal.valueOf(m.pricePer1kOutput()));
            m.prices().forEach((kind, price) -> o.with("prices").putObject(kind.id())
                    .put("input", java.math.BigDecimal.valueOf(price.input())).put("output", java.math.BigDecimal.valueOf(price.output())));
            o.put("request_format", m.requestFormat());
            ObjectNode lifecycle = o.putObject("lifecycle").put("status", m.lifecycle().status().id());
            if (m.lifecycle().eolDate() != null) {
                lifecycle.put("eol_date", m.lifecycle().eolDate().toString());
            }
            if (m.lifecycle().replacement() != null) {
                lifecycle.put("replacement", m.lifecycle().replacement());
            }
            ObjectNode inference = o.putObject("inference").put("in_region", m.inference().inRegion());
            m.inference().profiles().forEach(inference.putArray("profiles")::add);
            m.unverified().forEach(o.putArray("unverified")::add);
            o.put("source", m.source());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String price(double p) {
        return String.format(Locale.ROOT, "%.6f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
