package dev.modelctl.cli;

import dev.modelctl.core.base.finding.Findings;
import dev.modelctl.core.report.Format;
import dev.modelctl.git.GitInfo;
import dev.modelctl.core.base.io.JarResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Hidden: the training run the launcher records its AOT cache / AppCDS archive from (docs/startup.md). It runs the
 * hook paths as a repository runs them — repo config, ownership file, a document with findings of every rule-analysis
 * family, every output format, {@code scan} of files and of a git index — so their classes are in the cache.
 */
@Command(name = "self-train", hidden = true, description = "Exercise the common code paths (used to build the start-up cache).")
public final class SelfTrainCommand implements Callable<Integer> {
    private final Streams io;

    SelfTrainCommand(Streams io) {
        this.io = io;
    }

    /**
     * What a cache is trained for: the launcher keeps one cache per profile and picks it by the command being run, so
     * a pre-commit {@code check} maps only the classes {@code check} uses (an AOT cache loads every class it holds at
     * start-up, docs/startup.md). {@code %d} is the bundled example, {@code %f} a document with findings, {@code %s}
     * a source tree.
     */
    enum Profile {
        /** A bare {@code --version}: a cache of its few classes starts it ~8 ms faster than none (docs/startup.md). */
        VERSION(List.of(List.of("--version")), List.of(Format.TEXT)),
        /** The hooks: text output only (the launcher runs machine formats and output files on ALL's cache). */
        CHECK(List.of(List.of("validate", "%d"), List.of("check", "%d"), List.of("check", "%f")), List.of(Format.TEXT)),
        SCAN(List.of(List.of("scan", "%s")), List.of(Format.TEXT)),
        ALL(List.of(List.of("--version"), List.of("validate", "%d"), List.of("check", "%d"), List.of("check", "%f"), List.of("scan", "%s"),
                List.of("route", "%d", "--set", "task_type=chat", "--explain"), List.of("diff", "%d", "%f")), List.of(Format.values()));

        final List<List<String>> commands;
        /** The output formats check, validate and scan are trained in. */
        final List<Format> formats;

        Profile(List<List<String>> commands, List<Format> formats) {
            this.commands = commands;
            this.formats = formats;
        }
    }

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "all", description = "version, check, scan or all (default).")
    Profile profile = Profile.ALL;

    @Option(names = "--scratch", description = "The current directory is an empty scratch directory: also train `scan --staged` in a git repository made there.")
    boolean scratch;

    @Override
    public Integer call() throws IOException {
        if (profile == Profile.VERSION) {
            // nothing else: what the training loads is what the cache holds, and so what every --version maps
            return Main.run(new String[]{"--version"}, new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8), io.err());
        }
        Path dir = Files.createTempDirectory("modelctl-train");
        try {
            Path config = repository(dir);
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            for (List<String> command : profile.commands) {
                for (Format format : command.size() == 1 || !command.get(0).matches("check|validate|scan") ? List.of(Format.TEXT) : profile.formats) {
                    List<String> args = new ArrayList<>();
                    command.forEach(a -> args.add(a.replace("%d", dir.resolve("model_routing_config.yaml").toString())
                            .replace("%f", dir.resolve("findings.yaml").toString())
                            .replace("%s", dir.resolve("src").toString())));
                    if (args.size() > 1) {
                        args.add("--format=" + format);
                        args.add("--config=" + config);
                    }
                    if (!ran(sink, args.toArray(String[]::new))) {
                        return Findings.EXIT_FAILURE;
                    }
                }
            }
            if (scratch) {
                Path here = Path.of("").toAbsolutePath();
                try (Stream<Path> entries = Files.list(here)) {
                    if (entries.findAny().isEmpty()) {
                        // a repository without .modelctl.yaml: the defaults' path (the config file refused as missing)
                        if (profile != Profile.SCAN && !ran(sink, "check", dir.resolve("model_routing_config.yaml").toString(), "--format=text")) {
                            return Findings.EXIT_FAILURE;
                        }
                        repository(here);
                        GitInfo.initAndStageAll(here);
                        if (profile != Profile.CHECK) {
                            for (Format format : profile.formats) {
                                if (!ran(sink, "scan", "--staged", "--format=" + format)) {
                                    return Findings.EXIT_FAILURE;
                                }
                            }
                        }
                        if (profile != Profile.SCAN && !ran(sink, "check", "--format=text")) {
                            return Findings.EXIT_FAILURE;
                        }
                    }
                }
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Runs one training command; false (and a line on stderr) when it could not run (exit 2): it trains nothing, so the
     * training fails and the launcher says so, instead of caching less.
     */
    private boolean ran(PrintStream sink, String... args) {
        int exit = Main.run(args, sink, sink);
        Main.haltsAfter(args); // what Main.main decides next: its classes belong in the cache too
        if (exit != Findings.EXIT_FAILURE) {
            return true;
        }
        io.err().println("modelctl self-train: " + String.join(" ", args) + " could not run (exit 2)");
        return false;
    }

    /**
     * The example document with rules that have findings added at the top of its rule list: a priority conflict, an
     * unknown use case (with a did-you-mean) and, with the ownership file, rules outside their team's range.
     */
    static String findingsDocument(String example) {
        int list = example.indexOf("\nrules:\n");
        if (list < 0) {
            throw new IllegalStateException("the bundled example has no top-level 'rules:' list to train on");
        }
        int at = list + "\nrules:\n".length();
        return example.substring(0, at) + """
                  - rule_id: rec-premium-copy
                    priority: 210
                    conditions:
                      task_type: product_recommendation
                      user_segment: premium
                      region: eu-west-1
                    model: claude_haiku
                  - rule_id: core-typo
                    priority: 150
                    conditions:
                      task_type: intent_clasify
                    model: nova_lite
                """ + example.substring(at);
    }

    /** A small repository: config, ownership file, the example document, one with findings, sources to scan. */
    private static Path repository(Path dir) throws IOException {
        copy("/templates/model_routing_config.example.yaml", dir.resolve("model_routing_config.yaml"));
        copy("/templates/routing_rule_ownership.example.yaml", dir.resolve("routing_rule_ownership.yaml"));
        String example = Files.readString(dir.resolve("model_routing_config.yaml"));
        Files.writeString(dir.resolve("findings.yaml"), findingsDocument(example));
        Path config = dir.resolve(".modelctl.yaml");
        // a comment, a block list and a flow list: the shapes a repository's config takes, so reading one loads no
        // parser class the cache lacks (.ci/launcher-e2e.sh checks the hook commands load none from the jar)
        Files.writeString(config, """
                # the training repository's config
                documents:
                  - model_routing_config.yaml
                ownership: routing_rule_ownership.yaml
                scan:
                  allow: ["docs/**"]
                """);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/client.py"), "import boto3\nMODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        Files.writeString(dir.resolve("src/app.ts"), "const region = process.env.AWS_REGION;\nexport const ok = 1;\n");
        Files.writeString(dir.resolve("src/serverless.yml"), "provider:\n  environment:\n    BEDROCK_MODEL: amazon.nova-lite-v1:0\n");
        return config;
    }

    private static void copy(String resource, Path to) throws IOException {
        Files.writeString(to, JarResources.text(resource));
    }
}
