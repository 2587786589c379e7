package dev.modelctl.core.features.scan;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;
import dev.modelctl.core.base.io.JarResources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the detection rules know of the model universe, read from the model catalog so there is no second list: the
 * provider namespaces (the part of every catalog model ID before its first '.', such as {@code anthropic} or
 * {@code qwen}) and the geography prefixes of cross-region inference profile IDs (the catalog's
 * {@code inference_profile_prefixes}). A rule uses them as the placeholders {@code {provider}} and
 * {@code {geography}} (see docs/scan.md, "Placeholders").
 */
public record ModelNamespaces(List<String> providers, List<String> geographies) {
    /**
     * The built-in catalog's namespaces, written by the build (CompileBuiltIns) beside the compiled catalog: reading
     * the whole catalog for them took a cold {@code scan} ~70 ms on JDK 25, longer than listing and scanning the files.
     * Two lines, {@code providers} and {@code geographies}, each followed by its words, tab-separated.
     */
    public static final String BUILT_IN_RESOURCE = "/catalog/bedrock_models.namespaces.tsv";

    public ModelNamespaces {
        providers = List.copyOf(new TreeSet<>(providers));
        geographies = List.copyOf(new TreeSet<>(geographies));
    }

    /** The namespaces of every given catalog together (the built-in one and a repository's own). */
    public static ModelNamespaces of(List<ModelCatalog> catalogs) {
        TreeSet<String> providers = new TreeSet<>();
        TreeSet<String> geographies = new TreeSet<>();
        for (ModelCatalog c : catalogs) {
            for (CatalogModel m : c.all()) {
                int dot = m.modelId().indexOf('.');
                if (dot > 0) {
                    providers.add(m.modelId().substring(0, dot));
                }
            }
            geographies.addAll(c.profilePrefixes());
        }
        return new ModelNamespaces(List.copyOf(providers), List.copyOf(geographies));
    }

    /** The built-in catalog's namespaces: as the build wrote them, or from the catalog when it did not (an IDE build). */
    public static ModelNamespaces builtIn() {
        return JarResources.bytes(BUILT_IN_RESOURCE).map(b -> parse(new String(b, StandardCharsets.UTF_8)))
                .orElseGet(ModelNamespaces::fromBuiltInCatalog);
    }

    /** The built-in catalog's namespaces, read from the catalog itself. */
    public static ModelNamespaces fromBuiltInCatalog() {
        return of(List.of(ModelCatalog.builtIn()));
    }

    /** Build step: writes {@link #fromBuiltInCatalog()} to {@link #BUILT_IN_RESOURCE} under {@code classes}. */
    public static void compile(Path classes) throws IOException {
        ModelNamespaces ns = fromBuiltInCatalog();
        Files.writeString(classes.resolve(BUILT_IN_RESOURCE.substring(1)),
                "providers\t" + String.join("\t", ns.providers()) + "\ngeographies\t" + String.join("\t", ns.geographies()) + "\n");
    }

    static ModelNamespaces parse(String text) {
        List<String> providers = null;
        List<String> geographies = null;
        for (String line : text.split("\n")) {
            List<String> words = new ArrayList<>(Arrays.asList(line.split("\t")));
            String what = words.remove(0);
            if (what.equals("providers")) {
                providers = words;
            } else if (what.equals("geographies")) {
                geographies = words;
            }
        }
        if (providers == null || geographies == null) {
            throw new IllegalStateException(BUILT_IN_RESOURCE + " in the jar is malformed");
        }
        return new ModelNamespaces(providers, geographies);
    }

    /** A regex group matching any provider, longest first. */
    String providerGroup() {
        return group(providers);
    }

    /** A regex group matching any geography prefix (without its dot), longest first. */
    String geographyGroup() {
        return group(geographies);
    }

    /** The length of the longest geography prefix with its dot. */
    int longestGeography() {
        return geographies.stream().mapToInt(g -> g.length() + 1).max().orElse(0);
    }

    private static String group(List<String> words) {
        if (words.isEmpty()) {
            return "(?!)"; // nothing known: the placeholder matches nothing
        }
        // longest first, then alphabetical; not chained from Comparator.comparing (Findings.ORDER says why)
        return words.stream().sorted((a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b))
                .map(w -> w.replaceAll("[^A-Za-z0-9]", "\\\\$0")).collect(Collectors.joining("|", "(?:", ")"));
    }
}
