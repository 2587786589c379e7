package dev.modelctl.core.features.scan;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The env-var extractors against the sample files of scan/formats: each format's samples reach its own parser through
 * the scanner's file-name dispatch and pre-filter, and every extractor makes progress on every prefix of its samples
 * (a half-edited file must never hang the pre-commit hook).
 */
class EnvExtractorsTest {
    private static final Path FORMATS = Cli.repoRoot().resolve("cli/src/test/resources/scan/formats");
    private static final EnvVars ENV = new EnvVars(1 << 20);

    /** Sample files by the format their name selects (repository-relative paths, as the scanner sees them). */
    private static Map<EnvVars.Format, List<Path>> samples() throws IOException {
        Map<EnvVars.Format, List<Path>> out = new EnumMap<>(EnvVars.Format.class);
        try (Stream<Path> files = Files.walk(FORMATS)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.computeIfAbsent(EnvVars.Format.of(FORMATS.relativize(p).toString()), f -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    private static String path(Path sample) {
        return FORMATS.relativize(sample).toString();
    }

    @Test
    void everyFormatDeclaresFilePatternsAndIntroducersAndEachSampleReachesItsOwnParser() throws IOException {
        Map<EnvVars.Format, List<Path>> samples = samples();
        for (EnvVars.Format format : EnvVars.Format.values()) {
            if (format == EnvVars.Format.NONE) {
                continue;
            }
            assertFalse(format.filePatterns.isEmpty(), format + " declares no file patterns");
            assertFalse(format.introducers.isEmpty(), format + " declares no introducers: the pre-filter would never let a file reach its parser");
            List<String> reached = new ArrayList<>();
            for (Path sample : samples.getOrDefault(format, List.of())) {
                byte[] bytes = Files.readAllBytes(sample);
                String text = new String(bytes, StandardCharsets.UTF_8);
                // the scanner's own path: pre-filter on the bytes, then the dispatch by file name
                if (EnvVars.mayHaveModelKeys(path(sample), bytes)
                        && ENV.extract(path(sample), text).stream().anyMatch(v -> EnvVars.isModelKey(v.name()))) {
                    reached.add(path(sample));
                }
            }
            assertFalse(reached.isEmpty(), format + ": no sample file in scan/formats reaches its parser (samples: "
                    + samples.getOrDefault(format, List.of()).stream().map(EnvExtractorsTest::path).toList() + ")");
        }
    }

    @Test
    void theKeyWordsAreOneListThatBothTheNameTestAndThePreFilterRead() {
        for (String word : EnvVars.KEY_WORDS) {
            byte[] line = ("X_" + word + "_Y=1").getBytes(StandardCharsets.ISO_8859_1);
            assertTrue(EnvVars.hasKeyWord(line), word);
            assertTrue(EnvVars.isModelKey("X_" + word + "_Y"), word);
        }
        assertFalse(EnvVars.isModelKey("MODE_FM_I_BEDROC"));
        assertFalse(EnvVars.hasKeyWord("MODE_FM_I_BEDROC=1".getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The reported hangs: each finishes, and the half-written variable is still seen where it can be. */
    @Test
    void halfEditedFilesFromTheBugReportFinish() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String ext : List.of("ts", "py", "js", "java", "kt")) {
                assertEquals(List.of(new EnvVar("MODEL", "MODEL", 1, 16)), ENV.extract("m." + ext, "environment: {]MODEL"), ext);
            }
            assertEquals(List.of(), ENV.extract("m.tf", "MODEL environment = <<EOF\n"));
            assertEquals(List.of(), ENV.extract("m.tf", "environment { variables = <<EOF"));
        });
    }

    /** Every extractor, every prefix of each of its sample files (and the JSON string reader on the JSON ones). */
    @Test
    void everyExtractorMakesProgressOnEveryPrefixOfItsSamples() throws IOException {
        Map<EnvVars.Format, List<Path>> samples = samples();
        TextMatcher matcher = new TextMatcher(ScanRules.load(List.of()));
        AtomicReference<String> current = new AtomicReference<>("");
        int[] prefixes = {0};
        // a bound that only a loop that never ends can reach (the whole run takes seconds), naming the input it hung on
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (Map.Entry<EnvVars.Format, List<Path>> e : samples.entrySet()) {
                for (Path sample : e.getValue()) {
                    String text = Files.readString(sample);
                    String name = path(sample);
                    for (int n = 0; n <= text.length(); n++) {
                        String prefix = text.substring(0, n);
                        current.set(e.getKey() + " " + name + " prefix of " + n + " chars: " + tail(prefix));
                        e.getKey().extract(ENV, name, prefix);
                        if (name.endsWith(".ipynb") || name.endsWith(".json")) {
                            JsonStrings.matches(prefix, matcher);
                        }
                        prefixes[0]++;
                    }
                }
            }
        }, () -> "an extractor does not finish on " + current.get());
        assertTrue(prefixes[0] > 5_000, "only " + prefixes[0] + " prefixes");
    }

    private static String tail(String s) {
        String t = s.length() > 60 ? s.substring(s.length() - 60) : s;
        return "…" + t.replace("\n", "\\n");
    }
}
