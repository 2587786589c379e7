package dev.modelctl.robust;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A deterministic fuzz test (fixed seed, 300 cases) of the loader, the repo config, the ownership file and the scanner
 * through the real CLI entry point. Inputs are the bundled samples mutated by byte flips, truncation, line
 * duplication and deletion, and splices of hostile fragments (YAML anchors and tags, YAML 1.1 booleans, huge and
 * long numbers, NUL and ANSI bytes, unbalanced brackets, tabs, document markers, long lines). Every case must end
 * within its time bound with an exit code in {0, 1, 2}, no stack trace or raw exception name on stderr, an exit-2
 * line that names the file, and findings that name the file. A failure prints the seed, the case and its input.
 */
class FuzzTest {
    static final long SEED = 20_261_201L;
    /** Far above any case's cost (under 0.4 s warm), far below a hang; generous for a loaded CI machine. */
    static final Duration PER_CASE = Duration.ofSeconds(30);
    static final Pattern RAW_EXCEPTION = Pattern.compile("\\tat |[A-Z][A-Za-z]+(Exception|Error)\\b");
    static final String[] FRAGMENTS = {
            "{", "}", "[", "]", ": ", "- ", "&a ", "*a", "<<: *a", "!!binary ", "!!python/object ", "? ", "|", ">-", "\"", "'",
            "on", "no", "yes", "0755", "1e999999999999", "18446744073709551617", "99999999999999999999", "1".repeat(1200),
            "-0", ".nan", "~", "null", "\0", "\u001b[2J", "\t", "\r\n", "\n---\n", "\n...\n", "#", "%YAML 1.1\n", "\uFEFF",
            "\u00e9", "\uD83D\uDE00", "x".repeat(5000), "environment: {]MODEL", "MODEL=", "anthropic.claude-3-haiku-20240307-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/", "****************z", "[a", "{a,{b}}", "\\", "..", "/", "%",
    };

    @TempDir
    Path dir;

    private record Sample(String kind, String name, byte[] bytes) {
    }

    @Test
    void hostileInputsAlwaysEndCleanly() throws Exception {
        Path root = Cli.repoRoot();
        byte[] document = Files.readAllBytes(root.resolve("templates/model_routing_config.example.yaml"));
        byte[] ownership = Files.readAllBytes(root.resolve("templates/routing_rule_ownership.example.yaml"));
        byte[] config = Files.readAllBytes(root.resolve(".modelctl.yaml"));
        List<Sample> samples = List.of(
                new Sample("document", "doc.yaml", document),
                new Sample("document", "doc.json", Files.readAllBytes(root.resolve("templates/model_config_block.json"))),
                new Sample("config", "cfg.yaml", config),
                new Sample("ownership", "own.yaml", ownership),
                new Sample("scan", "svc.py", "MODEL_ID = \"anthropic.claude-3-haiku-20240307-v1:0\"\nclient.invoke(modelId=MODEL_ID)\n".getBytes(StandardCharsets.UTF_8)),
                new Sample("scan", "Dockerfile", "FROM python:3.12\nENV BEDROCK_MODEL_ID=us.anthropic.claude-3-haiku-20240307-v1:0\n".getBytes(StandardCharsets.UTF_8)),
                new Sample("scan", "serverless.yml", "provider:\n  environment:\n    MODEL_ID: anthropic.claude-3-haiku-20240307-v1:0\n".getBytes(StandardCharsets.UTF_8)),
                new Sample("scan", ".env", "FM_ID=amazon.titan-text-lite-v1\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("base.yaml"), document);
        // warm up once, untimed: the first run loads the catalog, the schemas and the scan rules
        Cli.run("check", dir.resolve("base.yaml").toString());
        Cli.run("scan", "--no-baseline", dir.resolve("base.yaml").toString());
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        long slowest = 0;
        String slowestCase = "";
        int cases = 300;
        for (int i = 0; i < cases; i++) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            byte[] input = mutate(sample.bytes(), random);
            Path file = Files.createDirectories(dir.resolve("case" + i)).resolve(sample.name());
            Files.write(file, input);
            String[] args = switch (sample.kind()) {
                case "document" -> switch (random.nextInt(3)) {
                    case 0 -> new String[]{"validate", file.toString()};
                    case 1 -> new String[]{"check", "--format", random.nextBoolean() ? "json" : "text", file.toString()};
                    default -> new String[]{"route", file.toString(), "--set", "task_type=moderation", "--explain"};
                };
                case "config" -> new String[]{random.nextBoolean() ? "validate" : "scan", "--config", file.toString(), dir.resolve("base.yaml").toString()};
                case "ownership" -> new String[]{"check", "--ownership", file.toString(), dir.resolve("base.yaml").toString()};
                default -> new String[]{"scan", "--no-baseline", random.nextBoolean() ? file.toString() : file.getParent().toString()};
            };
            long start = System.nanoTime();
            String problem = runCase(args, file, sample.kind(), outcomes);
            long took = System.nanoTime() - start;
            if (took > slowest) {
                slowest = took;
                slowestCase = "case " + i + ": " + String.join(" ", args);
            }
            if (problem != null) {
                failures.add("case " + i + " (seed " + SEED + ", " + String.join(" ", args) + "): " + problem
                        + "\n--- input (" + input.length + " bytes, first 400 shown)\n"
                        + new String(input, 0, Math.min(400, input.length), StandardCharsets.UTF_8));
            }
        }
        // the outcome mix shows what the cases reached (printed in the surefire report)
        System.out.println("fuzz: " + cases + " cases, seed " + SEED + ", outcomes " + outcomes + ", slowest "
                + slowest / 1_000_000 + " ms (" + slowestCase + ")");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " cases failed:\n" + String.join("\n\n", failures.subList(0, Math.min(5, failures.size()))));
        }
    }

    /** What is wrong with one run, or {@code null}. */
    private static String runCase(String[] args, Path file, String kind, java.util.Map<String, Integer> outcomes) {
        Cli.Result r;
        try {
            r = assertTimeoutPreemptively(PER_CASE, () -> Cli.run(args));
        } catch (AssertionError e) {
            return "did not finish within " + PER_CASE.toSeconds() + " s";
        }
        outcomes.merge(kind + " exit " + r.exit(), 1, Integer::sum);
        if (r.exit() < 0 || r.exit() > 2) {
            return "exit " + r.exit() + "\n" + r;
        }
        if (RAW_EXCEPTION.matcher(r.err()).find()) {
            return "stack trace or raw exception on stderr\n" + r;
        }
        String shown = file.toString();
        if (r.exit() == 2 && !(r.err().startsWith("modelctl: ") && (r.err().contains(shown) || r.err().contains("route: ")))) {
            return "the exit-2 line does not name " + shown + "\n" + r;
        }
        if (r.exit() == 2 && r.err().lines().count() != 1) {
            return "more than one line on stderr\n" + r;
        }
        if (!kind.equals("scan") && Findings.text(r.out()).stream().anyMatch(f -> !f.file().startsWith(shown)
                && !f.file().startsWith(file.getParent().getParent().resolve("base.yaml").toString()))) {
            return "a finding that does not name its file\n" + r;
        }
        return null;
    }

    private static byte[] mutate(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length + 64);
        for (byte b : original) {
            bytes.add(b);
        }
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps && !bytes.isEmpty(); s++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(6)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256)); // flip a byte
                case 1 -> bytes.subList(at, bytes.size()).clear(); // truncate
                case 2 -> { // splice in a hostile fragment
                    byte[] f = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8);
                    for (int k = f.length - 1; k >= 0; k--) {
                        bytes.add(at, f[k]);
                    }
                }
                case 3 -> { // duplicate the line at
                    int start = lineStart(bytes, at);
                    int end = lineEnd(bytes, at);
                    bytes.addAll(end, new ArrayList<>(bytes.subList(start, end)));
                }
                case 4 -> bytes.subList(lineStart(bytes, at), lineEnd(bytes, at)).clear(); // delete the line at
                default -> { // replace a value with a hostile fragment
                    int end = lineEnd(bytes, at);
                    byte[] f = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8);
                    bytes.subList(at, Math.max(at, end - 1)).clear();
                    for (int k = f.length - 1; k >= 0; k--) {
                        bytes.add(at, f[k]);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static int lineStart(List<Byte> bytes, int at) {
        int i = Math.min(at, bytes.size() - 1);
        while (i > 0 && bytes.get(i - 1) != '\n') {
            i--;
        }
        return Math.max(i, 0);
    }

    private static int lineEnd(List<Byte> bytes, int at) {
        int i = at;
        while (i < bytes.size() && bytes.get(i) != '\n') {
            i++;
        }
        return Math.min(i + 1, bytes.size());
    }
}
