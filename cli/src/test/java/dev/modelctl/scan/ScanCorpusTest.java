package dev.modelctl.scan;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of `modelctl scan` on a hand-labelled corpus (scan/corpus, labels.tsv): small files written to
 * show what real Bedrock repositories contain — code, CDK and Terraform, a CDK tree.json on one line, a notebook with
 * escapes, a log, prose, pricing tables keyed by model ID — with the near misses they contain too. Every finding must
 * be labelled; the figures must stay at or above 0.98. The providers come from the scanner's catalog plus a repository
 * catalog naming every Bedrock provider (docs/scan.md, "Precision and recall").
 */
class ScanCorpusTest {
    private static final Path CORPUS = Cli.repoRoot().resolve("cli/src/test/resources/scan/corpus");
    private static final Pattern REPORTED_ID = Pattern.compile("(?:hard-coded|hard-codes) Bedrock model ID '([^']*)'");

    @TempDir
    Path dir;

    private record Label(String file, int line, String text, boolean id) {
        String key() {
            return file + ":" + line + ":" + text;
        }
    }

    private static List<Label> labels() throws IOException {
        List<Label> out = new ArrayList<>();
        for (String row : Files.readAllLines(CORPUS.resolve("labels.tsv"))) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t");
            assertEquals(4, f.length, row);
            assertTrue(f[3].equals("id") || f[3].equals("not"), row);
            out.add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3].equals("id")));
        }
        return out;
    }

    @Test
    void precisionAndRecallOnTheLabelledCorpus() throws IOException {
        Path copy = TestFiles.copyTree(CORPUS, dir.resolve("corpus"), p -> !p.getFileName().toString().equals("labels.tsv"));
        Path config = Files.writeString(dir.resolve("config.yaml"), "scan:\n  allow: []\ncatalog: "
                + Cli.repoRoot().resolve("cli/src/test/resources/scan/providers-catalog.yaml") + "\n");
        Cli.Result r = Cli.run("scan", "--format", "json", "--no-baseline", "--config", config.toString(), copy.toString());
        assertEquals(1, r.exit(), r::toString);

        List<Label> labels = labels();
        Set<String> ids = new HashSet<>();
        Set<String> labelled = new HashSet<>();
        labels.forEach(l -> {
            labelled.add(l.key());
            if (l.id()) {
                ids.add(l.key());
            }
        });
        Set<String> found = new LinkedHashSet<>();
        List<String> unlabelled = new ArrayList<>();
        for (Findings.Row f : Findings.of(r.out())) {
            if (f.severity().equals("warning")) {
                continue; // an env var whose value is no model ID: not a hard-coded ID
            }
            Matcher m = REPORTED_ID.matcher(f.message());
            assertTrue(m.find(), f.json()::toString);
            String key = copy.relativize(Path.of(f.file())) + ":" + f.line() + ":" + m.group(1);
            found.add(key);
            if (!labelled.contains(key)) {
                unlabelled.add(key);
            }
        }
        assertEquals(List.of(), unlabelled, "findings the corpus has no label for: label them in labels.tsv");
        long truePositives = found.stream().filter(ids::contains).count();
        List<String> falsePositives = found.stream().filter(k -> !ids.contains(k)).toList();
        List<String> misses = ids.stream().filter(k -> !found.contains(k)).sorted().toList();
        double precision = (double) truePositives / found.size();
        double recall = (double) truePositives / ids.size();
        String figures = String.format("precision %.4f (%d of %d findings), recall %.4f (%d of %d IDs); false positives %s; misses %s",
                precision, truePositives, found.size(), recall, truePositives, ids.size(), falsePositives, misses);
        System.out.println("scan corpus: " + figures);
        assertTrue(ids.size() >= 100, figures);
        assertTrue(precision >= 0.98, figures);
        assertTrue(recall >= 0.98, figures);
    }
}
