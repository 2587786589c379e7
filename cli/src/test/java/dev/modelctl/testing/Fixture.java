package dev.modelctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test input file with its expected result written next to it in {@code <file>.expected}:
 * <pre>
 * # comment
 * args: check --ownership {dir}/ownership.yaml      (the command; the file is appended unless {file} appears)
 * exit: 1
 * unknown-model-id 9:15                              (every finding, "check line:col", in output order)
 * </pre>
 */
public record Fixture(Path file, List<String> args, int exit, List<String> findings) {
    public static final Path ROOT = Cli.repoRoot().resolve("cli/src/test/resources");

    public static Fixture read(Path expected) {
        String name = expected.getFileName().toString();
        Path file = expected.resolveSibling(name.substring(0, name.length() - ".expected".length()));
        List<String> args = null;
        Integer exit = null;
        List<String> findings = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(expected)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("args:")) {
                    args = List.of(l.substring(5).strip().replace("{dir}", file.getParent().toString()).split(" +"));
                } else if (l.startsWith("exit:")) {
                    exit = Integer.parseInt(l.substring(5).strip());
                } else {
                    findings.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (args == null || exit == null) {
            throw new IllegalStateException(expected + ": needs 'args:' and 'exit:' lines");
        }
        List<String> full = new ArrayList<>(args.stream().map(a -> a.replace("{file}", file.toString())).toList());
        if (!String.join(" ", args).contains("{file}")) {
            full.add(file.toString());
        }
        return new Fixture(file, List.copyOf(full), exit, List.copyOf(findings));
    }

    /** Every {@code *.expected} under the test resources. */
    public static List<Fixture> all() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".expected")).sorted().map(Fixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the fixture's command with {@code --format json} and returns the result. */
    public Cli.Result runJson() {
        List<String> a = new ArrayList<>(args);
        a.add(1, "--format");
        a.add(2, "json");
        return Cli.run(a.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return ROOT.relativize(file).toString();
    }
}
