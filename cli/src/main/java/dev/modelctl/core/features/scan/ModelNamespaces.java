package dev.modelctl.core.features.scan;

import dev.modelctl.core.model.catalog.CatalogModel;
import dev.modelctl.core.model.catalog.ModelCatalog;

import java.util.Comparator;
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

    /** The built-in catalog's namespaces. */
    public static ModelNamespaces builtIn() {
        return of(List.of(ModelCatalog.builtIn()));
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
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(w -> w.replaceAll("[^A-Za-z0-9]", "\\\\$0")).collect(Collectors.joining("|", "(?:", ")"));
    }
}
