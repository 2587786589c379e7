package dev.modelctl.core.model.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code catalog diff}: what an overlay (or a fresh Bedrock listing) changes in a catalog, model by model: lifecycle,
 * on-demand in-region access, inference-profile geographies; models new on Bedrock; models the listing no longer has.
 */
public final class CatalogDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogDiff() {
    }

    public enum Kind {
        ADDED, CHANGED, UNLISTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One model's change; {@code details} are "what: before → after" lines. */
    public record Change(String modelId, Kind kind, List<String> details) {
    }

    /**
     * The changes {@code overlay} makes to {@code base}. With {@code reportUnlisted}, base models the overlay does not
     * list are reported too (an overlay written by {@code catalog refresh} lists everything Bedrock offers on demand).
     */
    public static List<Change> compare(ModelCatalog base, ModelCatalog overlay, boolean reportUnlisted) {
        ModelCatalog merged = base.withOverlay(overlay);
        List<Change> out = new ArrayList<>();
        for (CatalogModel after : merged.all()) {
            Optional<CatalogModel> before = base.all().stream().filter(m -> m.modelId().equals(after.modelId())).findFirst();
            if (before.isEmpty()) {
                out.add(new Change(after.modelId(), Kind.ADDED, List.of("new on Bedrock: "
                        + lifecycle(after.lifecycle()) + ", " + access(after.inference()) + "; limits and prices unknown")));
                continue;
            }
            List<String> details = new ArrayList<>();
            CatalogModel b = before.get();
            if (!lifecycle(b.lifecycle()).equals(lifecycle(after.lifecycle()))) {
                details.add("lifecycle " + lifecycle(b.lifecycle()) + " → " + lifecycle(after.lifecycle()));
            }
            if (b.inference().inRegion() != after.inference().inRegion()) {
                details.add("on-demand in-region " + yesNo(b.inference().inRegion()) + " → " + yesNo(after.inference().inRegion()));
            }
            if (!new java.util.TreeSet<>(b.inference().profiles()).equals(new java.util.TreeSet<>(after.inference().profiles()))) {
                details.add("profiles " + profiles(b.inference()) + " → " + profiles(after.inference()));
            }
            if (!details.isEmpty()) {
                out.add(new Change(b.modelId(), Kind.CHANGED, details));
            }
        }
        if (reportUnlisted) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            overlay.all().forEach(m -> listed.add(m.modelId()));
            for (CatalogModel b : base.all()) {
                if (!listed.contains(b.modelId()) && b.lifecycle().status() != Lifecycle.Status.EOL) {
                    out.add(new Change(b.modelId(), Kind.UNLISTED, List.of("not listed by Bedrock for on-demand use (EOL, not offered "
                            + "in these Regions, or not enabled for the account)")));
                }
            }
        }
        return out;
    }

    public static String text(List<Change> changes, String between) {
        StringBuilder out = new StringBuilder();
        for (Change c : changes) {
            out.append(c.modelId()).append(": ").append(c.kind().id()).append('\n');
            c.details().forEach(d -> out.append("    ").append(d).append('\n'));
        }
        out.append(changes.isEmpty() ? "no changes" : changes.size() + (changes.size() == 1 ? " model changes" : " models change"))
                .append(" between ").append(between).append('\n');
        return out.toString();
    }

    public static String json(List<Change> changes, String between) {
        ObjectNode root = JSON.createObjectNode().put("between", between);
        ArrayNode list = root.putArray("changes");
        for (Change c : changes) {
            ObjectNode o = list.addObject().put("model_id", c.modelId()).put("change", c.kind().id());
            c.details().forEach(o.putArray("details")::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lifecycle(Lifecycle l) {
        return l.status().id() + (l.eolDate() == null ? "" : " (EOL " + l.eolDate() + ")");
    }

    private static String access(InferenceAccess a) {
        return a.inRegion() ? "on-demand in-region" : "inference profile required";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String profiles(InferenceAccess a) {
        return a.profiles().isEmpty() ? "none" : String.join(", ", a.profiles());
    }
}
