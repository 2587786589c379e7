package dev.modelctl.core.base.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fingerprints that survive line moves: check id, file, what the finding is about and the occurrence index of that
 * within the file — never the line. The scan baseline stores them; SARIF carries them as {@code partialFingerprints}
 * so code scanning keeps tracking an alert when the lines above it change (docs/ci.md).
 */
public final class Fingerprints {
    /**
     * Line and column references inside messages ("line 30", "file.yaml:12:5"), which move with the code; a colon
     * counts only after a file extension, so the ":0" of a model ID such as "…-v1:0" stays.
     */
    private static final Pattern LOCATION = Pattern.compile("\\bline \\d+|(?<=\\.[A-Za-z0-9]{1,10}):\\d+(?::\\d+)?\\b");

    private Fingerprints() {
    }

    /** Fingerprints for findings, in the order given; {@code subjects} is what each finding is about (e.g. the matched text). */
    public static List<String> of(List<Finding> findings, List<String> subjects) {
        Map<String, Integer> occurrence = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String key = f.check().id() + "\u0000" + f.file() + "\u0000" + subjects.get(i);
            int n = occurrence.merge(key, 1, Integer::sum) - 1;
            out.add(sha256(key + "\u0000" + n));
        }
        return out;
    }

    /** Fingerprints of findings whose subject is not known separately: their rules, else their message without locations. */
    public static List<String> of(List<Finding> findings) {
        return of(findings, findings.stream().map(Fingerprints::subject).toList());
    }

    static String subject(Finding f) {
        if (!f.rules().isEmpty()) {
            return String.join(",", f.rules()) + "\u0000" + LOCATION.matcher(f.message()).replaceAll("");
        }
        return LOCATION.matcher(f.message()).replaceAll("");
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
