package dev.modelctl.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.doc.InputException;
import dev.modelctl.core.finding.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepted legacy findings, by a fingerprint that survives line moves: check, file, matched text and the occurrence
 * index of that text in the file. A legacy repository adopts the hook without fixing everything first.
 */
public final class Baseline {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    public static Baseline load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            Set<String> fps = new HashSet<>();
            root.path("findings").forEach(f -> fps.add(f.path("fingerprint").asText()));
            return new Baseline(fps);
        } catch (IOException e) {
            throw new InputException(file + ": not a modelctl baseline (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /** Fingerprints for findings, in the order given; {@code matched} is the text each finding matched. */
    public static List<String> fingerprints(List<Finding> findings, List<String> matched) {
        Map<String, Integer> occurrence = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String key = f.check().id() + "\u0000" + f.file() + "\u0000" + matched.get(i);
            int n = occurrence.merge(key, 1, Integer::sum) - 1;
            out.add(sha256(key + "\u0000" + n));
        }
        return out;
    }

    /** Writes every current finding as the new baseline (atomically). */
    public static void write(Path file, List<Finding> findings, List<String> matched) {
        List<String> fps = fingerprints(findings, matched);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("tool", "modelctl scan");
        ArrayNode array = root.putArray("findings");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> findings.get(i).file()).thenComparing(fps::get));
        for (int i : order) {
            ObjectNode o = array.addObject();
            o.put("fingerprint", fps.get(i));
            o.put("check", findings.get(i).check().id());
            o.put("file", findings.get(i).file());
            o.put("match", matched.get(i));
        }
        try {
            dev.modelctl.core.build.CanonicalDocument.writeAtomically(file,
                    (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
