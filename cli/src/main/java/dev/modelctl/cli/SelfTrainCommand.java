package dev.modelctl.cli;

import dev.modelctl.core.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Hidden: the training run the launcher records its AOT cache / AppCDS archive from. It runs the pre-commit paths
 * (validate, check, scan, every output format) on the bundled example so their classes are archived.
 */
@Command(name = "self-train", hidden = true, description = "Exercise the common code paths (used to build the start-up cache).")
public final class SelfTrainCommand implements Callable<Integer> {
    /** Commands the training run exercises, each on the bundled example document ({@code %s}). */
    static final List<List<String>> TRAINING = List.of(
            List.of("validate", "%s"),
            List.of("check", "%s"),
            List.of("scan", "%s"));

    @ParentCommand
    ModelctlCommand parent;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("modelctl-train");
        try {
            Path example = dir.resolve("model_routing_config.yaml");
            try (InputStream in = SelfTrainCommand.class.getResourceAsStream("/templates/model_routing_config.example.yaml")) {
                if (in == null) {
                    return 0;
                }
                Files.copy(in, example);
            }
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            for (List<String> command : TRAINING) {
                for (Format format : Format.values()) {
                    List<String> args = new ArrayList<>();
                    command.forEach(a -> args.add(a.replace("%s", example.toString())));
                    args.add("--format=" + format);
                    Main.run(args.toArray(String[]::new), sink, sink);
                }
            }
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
