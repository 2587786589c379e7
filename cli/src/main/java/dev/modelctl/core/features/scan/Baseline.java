package dev.modelctl.core.features.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Fingerprints;
import dev.modelctl.core.base.io.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepted legacy findings, by a fingerprint that survives line moves: check, file, matched text and the occurrence
 * index of that text in the file. A legacy repository adopts the hook without fixing everything first.
 */
public final class Baseline {
    /** Built on first use: a scan without a baseline file never pays for an ObjectMapper (docs/startup.md). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One accepted finding as the baseline file records it. */
    public record Entry(String fingerprint, String check, String file, String match) {
    }

    private final List<Entry> entries;
    private final Set<String> fingerprints;

    private Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.fingerprints = new HashSet<>();
        entries.forEach(e -> fingerprints.add(e.fingerprint()));
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** Large enough for a million accepted findings; the file is read only if it is a regular file this size at most. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    public static Baseline load(Path file) {
        var bytes = InputFiles.readIfExists(file, file.toString(), MAX_BYTES, "baseline file", null);
        if (bytes.isEmpty()) {
            return empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(bytes.get());
            if (root == null || !root.path("findings").isArray()) {
                throw new InputException(file + ": not a modelctl baseline (no findings array)");
            }
            List<Entry> entries = new ArrayList<>();
            root.path("findings").forEach(f -> entries.add(new Entry(f.path("fingerprint").asText(), f.path("check").asText(),
                    f.path("file").asText(), f.path("match").asText())));
            return new Baseline(entries);
        } catch (IOException e) {
            throw new InputException(file + ": not a modelctl baseline (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public boolean isEmpty() {
        return fingerprints.isEmpty();
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /** The accepted findings of files outside {@code scanned}: what a partial update must keep. */
    public List<Entry> entriesOutside(Set<String> scanned) {
        return entries.stream().filter(e -> !scanned.contains(e.file())).toList();
    }

    /** Fingerprints for findings, in the order given; {@code matched} is the text each finding matched. */
    public static List<String> fingerprints(List<Finding> findings, List<String> matched) {
        return Fingerprints.of(findings, matched);
    }

    /**
     * Writes every current finding, plus {@code kept} entries (of files this scan did not look at), as the new
     * baseline, atomically; returns how many entries it holds.
     */
    public static int write(Path file, List<Finding> findings, List<String> matched, List<Entry> kept) {
        List<String> fps = fingerprints(findings, matched);
        List<Entry> all = new ArrayList<>(kept);
        for (int i = 0; i < findings.size(); i++) {
            all.add(new Entry(fps.get(i), findings.get(i).check().id(), findings.get(i).file(), matched.get(i)));
        }
        all.sort(Comparator.comparing(Entry::file).thenComparing(Entry::fingerprint));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("tool", "modelctl scan");
        ArrayNode array = root.putArray("findings");
        for (Entry e : all) {
            ObjectNode o = array.addObject();
            o.put("fingerprint", e.fingerprint());
            o.put("check", e.check());
            o.put("file", e.file());
            o.put("match", e.match());
        }
        try {
            dev.modelctl.core.base.io.OutputFiles.writeAtomically(file,
                    (Json.MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage());
        }
        return all.size();
    }
}
