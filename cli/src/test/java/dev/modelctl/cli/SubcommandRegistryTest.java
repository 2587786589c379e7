package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Main registers only the subcommand being run; picocli must answer exactly as with every subcommand registered. */
class SubcommandRegistryTest {
    @Test
    void registryNamesAreTheCommandsOwnNames() {
        ModelctlCommand.SUBCOMMANDS.forEach((name, type) -> {
            Command command = type.getAnnotation(Command.class);
            assertEquals(name, command.name(), type.getName());
            assertEquals(0, command.aliases().length, name + ": aliases need their own registry entries");
        });
        assertEquals(List.of(), List.of(ModelctlCommand.class.getAnnotation(Command.class).subcommands()),
                "subcommands are registered through ModelctlCommand.SUBCOMMANDS only");
    }

    @Test
    void lazyRegistrationAnswersExactlyWhatFullRegistrationAnswers(@TempDir Path dir) throws IOException {
        Path example = Cli.repoRoot().resolve("templates/model_routing_config.example.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nmodels: {a: {model_id: x, max_tokens: 0}}\nmodels: {}\n");
        String doc = example.toString();
        List<List<String>> corpus = new ArrayList<>(List.of(
                List.of(), List.of("--version"), List.of("-V"), List.of("--help"), List.of("-h"), List.of("--nope"),
                List.of("chek", doc), List.of("check"), List.of("check", doc), List.of("check", "--format", "json", doc),
                List.of("check", "--format=sarif", doc), List.of("check", "--format", "nonsense", doc), List.of("check", "--help"),
                List.of("check", "--unknown", doc), List.of("check", bad.toString()), List.of("validate", bad.toString(), "--format", "github"),
                List.of("validate", "--format", "markdown", doc), List.of("validate", "--max-bytes", "1", doc),
                List.of("route", doc, "--set", "task_type=chat", "--explain"), List.of("route", doc, "--set"),
                List.of("schema"), List.of("schema", "--appconfig"), List.of("scan", "--help"), List.of("scan", "--staged", "--since", "x"),
                List.of("catalog", "--help"), List.of("new-model", "x", "--model-id", "amazon.nova-lite-v1:0"),
                List.of("generate-completion"), List.of("--version", "check"), List.of("check", "--", doc), List.of("-V", "--help"),
                List.of("deploy", "--help"), List.of("override", "--status", "--bogus")));
        for (String name : ModelctlCommand.SUBCOMMANDS.keySet()) {
            if (!name.equals("self-train")) {
                corpus.add(List.of(name, "--help"));
            }
        }
        for (List<String> args : corpus) {
            String[] a = args.toArray(String[]::new);
            assertEquals(run(a, false), run(a, true), "args " + args);
        }
    }

    @Test
    void helpListsEveryVisibleSubcommand() {
        String help = run(new String[]{"--help"}, true);
        ModelctlCommand.SUBCOMMANDS.keySet().stream().filter(n -> !n.equals("self-train"))
                .forEach(n -> assertTrue(help.contains("  " + n), n + " missing from\n" + help));
    }

    private static String run(String[] args, boolean lazy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e, lazy);
        }
        return "exit=" + exit + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n" + err.toString(StandardCharsets.UTF_8);
    }

}
