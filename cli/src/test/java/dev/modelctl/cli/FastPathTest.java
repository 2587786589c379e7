package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path (docs/startup.md) binds exactly what picocli binds, over a corpus of the command lines hooks and CI
 * use; anything unusual falls back to picocli; and the table it reads is the one picocli's model gives today.
 */
class FastPathTest {
    private static final PrintStream SINK = new PrintStream(PrintStream.nullOutputStream());

    /** Command lines the fast path must take (and bind as picocli does). */
    private static final List<List<String>> USUAL = List.of(
            List.of("check"), List.of("check", "doc.yaml"), List.of("check", "a.yaml", "b.json"),
            List.of("check", "--format", "json", "doc.yaml"), List.of("check", "--format=JSON", "doc.yaml"), List.of("check", "--format", "Markdown"),
            List.of("check", "--format", "sarif", "--sarif-file", "out.sarif", "doc.yaml"), List.of("check", "--color", "never", "--format=github"),
            List.of("check", "--config", "c.yaml", "--ownership", "o.yaml", "doc.yaml"), List.of("check", "--base", "main", "--approved-by", "core,growth"),
            List.of("check", "--approved-by", "a", "--approved-by", "b,c", "--base", "x"), List.of("check", "--debug", "doc.yaml"),
            List.of("check", "--now", "2026-01-01T00:00:00Z", "--max-bytes", "512K", "--catalog", "cat.yaml"),
            List.of("check", "--max-cost-increase", "20%", "--base", "HEAD~1"), List.of("check", "--summary-file", "s.md", "--json-file", "j.json", "d.yaml"),
            List.of("check", "doc.yaml", "--format", "text", "--color=always"), List.of("check", "--config=", "x"),
            List.of("scan"), List.of("scan", "--staged"), List.of("scan", "--staged", "--format", "json"), List.of("scan", "src", "a.py", "b/c.ts"),
            List.of("scan", "--since", "HEAD~3"), List.of("scan", "--baseline", "b.json", "--no-baseline"), List.of("scan", "--update-baseline", "src"),
            List.of("scan", "--config=x.yaml", "--debug"), List.of("scan", "--format=sarif", "--sarif-file=s.sarif", "--summary-file", "m.md"),
            List.of("validate", "doc.yaml", "--format", "text"), List.of("validate", "--now=2027-01-01T00:00:00Z", "a.yaml"),
            List.of("validate", "--format", "github", "--max-bytes=1"), List.of("self-train"), List.of("self-train", "--scratch", "--profile=check"),
            List.of("self-train", "--profile", "SCAN"));

    /** Command lines the fast path must hand to picocli (help, errors picocli words, syntax it alone models). */
    private static final List<List<String>> UNUSUAL = List.of(
            List.of(), List.of("--help"), List.of("deploy"), List.of("route", "doc.yaml"), List.of("check", "--help"), List.of("check", "-h"),
            List.of("scan", "-V"), List.of("scan", "--version"), List.of("check", "--"), List.of("check", "--", "doc.yaml"),
            List.of("check", "@args.txt"), List.of("check", "--config", "@c"), List.of("check", "--format"), List.of("check", "--format", "--color", "never"),
            List.of("check", "--format", "xml"), List.of("check", "--color", "sometimes"), List.of("check", "--frobnicate"),
            List.of("check", "--format", "json", "--format", "text"), List.of("scan", "--staged", "--staged"), List.of("scan", "--staged=true"),
            List.of("check", "--approved-by", "a,\"b,c\""), List.of("check", "-"), List.of("check", ""), List.of("check", "--approved-by", "a,,b"),
            List.of("check", "doc.yaml", "--base"), List.of("check", "-x"), List.of("check", "--format=", "d"), List.of("check", "--base", "-x"),
            List.of("check", "--config", "a\u0000b"), List.of("check", "a\u0000b"), List.of("check", "--debug=true"));

    @Test
    void usualCommandLinesBindWhatPicocliBinds() throws Exception {
        CommandTable table = CommandTable.load();
        for (List<String> args : USUAL) {
            String[] a = args.toArray(String[]::new);
            Streams streams = new Streams(SINK, SINK);
            FastPath.Parsed fast = FastPath.parse(a, streams, table, FastBindings.generated());
            assertNotNull(fast, "the fast path should take " + args);
            Object picocli = picocliParse(a);
            assertNotNull(picocli, "picocli rejects " + args);
            assertBoundAlike(table.commands().get(a[0]), fast.command(), picocli, args);
            assertEquals(args.contains("--debug"), fast.debug(), "--debug of " + args);
            if (!a[0].equals("self-train")) {
                assertSame(streams, read(fast.command(), "io"), "the run's streams, by constructor, for " + args);
            }
        }
    }

    @Test
    void unusualCommandLinesFallBackToPicocli() {
        CommandTable table = CommandTable.load();
        for (List<String> args : UNUSUAL) {
            assertNull(FastPath.parse(args.toArray(String[]::new), new Streams(SINK, SINK), table, FastBindings.generated()), "should fall back: " + args);
        }
    }

    /** The same exit code and the same bytes on both streams, fast path or picocli, on real documents. */
    @Test
    void runsAnswerExactlyAsPicocliDoes(@TempDir Path dir) throws IOException {
        String doc = Cli.repoRoot().resolve("templates/model_routing_config.example.yaml").toString();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nmodels: {a: {model_id: x, max_tokens: 0}}\nmodels: {}\n");
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        List<List<String>> corpus = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif", "github", "markdown")) {
            corpus.add(List.of("check", doc, "--format", format, "--color=never"));
            corpus.add(List.of("validate", bad.toString(), "--format=" + format));
            corpus.add(List.of("scan", src.toString(), "--no-baseline", "--format", format));
        }
        corpus.addAll(List.of(List.of("--version"), List.of("-V"), List.of("check", bad.toString()), List.of("check", dir.resolve("missing.yaml").toString()),
                List.of("check", "--config", dir.resolve("none.yaml").toString(), doc), List.of("check", "--now", "yesterday", doc),
                List.of("validate", "--max-bytes", "1", doc), List.of("validate", "--max-bytes", "lots", doc), List.of("check", "--approved-by", "x", doc),
                List.of("scan", "--staged", "--since", "x"), List.of("check", "--debug", "--now", "yesterday", doc)));
        for (List<String> args : corpus) {
            String[] a = args.toArray(String[]::new);
            assertEquals(run(a, false), run(a, true), "args " + args);
        }
    }

    /** The table in the jar is what picocli's model of the annotated commands says now (it is written by the build). */
    @Test
    void tableIsPicoclisModel() throws IOException {
        String fresh = CommandTableWriter.write(Main.allCommands(), CommandTableWriter.FAST_COMMANDS);
        assertEquals(CommandTable.parse(fresh), CommandTable.load());
        assertEquals(CommandTableWriter.FAST_COMMANDS, List.copyOf(CommandTable.load().commands().keySet()));
        assertTrue(fresh.contains("option\t--format\toutput.format\tVALUE\tdev.modelctl.core.report.Format\ttext"), fresh);
    }

    /** A damaged table is refused as a whole (load then answers with no table, so picocli runs), never half read. */
    @Test
    void malformedTablesAreRefused() {
        for (String text : List.of("option\t--x\tx\tVALUE\tjava.lang.String\t-\t-\t-", "command\tcheck", "command\tcheck\tC\noption\t--x",
                "command\tcheck\tC\noption\t--x\tx\tODD\tjava.lang.String\t-\t-\t-", "something\telse\tentirely")) {
            assertThrows(IOException.class, () -> CommandTable.parse(text), text);
        }
    }

    /** The bindings the build compiled are there, and every case the writer would write for today's table is in them. */
    @Test
    void generatedBindingsCoverTheTable() {
        FastBindings bindings = FastBindings.generated();
        assertNotNull(bindings, "the build did not compile " + FastBindings.GENERATED);
        String source = FastBindingsWriter.source(CommandTable.load(), "GeneratedFastBindings");
        assertTrue(source.contains("((dev.modelctl.cli.OutputOptions) holder).format = (dev.modelctl.core.report.Format) value;"), source);
        assertTrue(source.contains("return new dev.modelctl.cli.CheckCommand(io);"), source);
        assertTrue(source.contains("return new dev.modelctl.cli.GlobalOptions();"), source);
        ScanCommand scan = (ScanCommand) bindings.create(ScanCommand.class.getName(), new Streams(SINK, SINK));
        bindings.set(scan, "staged", true);
        assertEquals(true, bindings.get(scan, "staged"));
        assertNull(bindings.enumConstants("java.lang.String"));
        assertEquals(List.of(OutputOptions.Color.values()), List.of(bindings.enumConstants(OutputOptions.Color.class.getName())));
        assertThrows(IllegalArgumentException.class, () -> bindings.set(scan, "noSuchField", 1));
    }

    /** A field the generated code could not write fails the build with its name, not the fast path at run time. */
    @Test
    void bindingsWriterRefusesFieldsItCannotWrite() throws IOException {
        for (String field : List.of("hidden", "fixed", "missing")) {
            CommandTable table = CommandTable.parse("command\tx\t" + Unwritable.class.getName()
                    + "\noption\t--x\t" + field + "\tVALUE\tjava.lang.String\t-\t-\t-\n");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> FastBindingsWriter.source(table, "X"), field);
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
    }

    /** Fields the fast path's generated code cannot write. */
    static final class Unwritable {
        private String hidden;
        final String fixed = "";

        Unwritable(Streams io) {
            hidden = String.valueOf(io);
        }

        @Override
        public String toString() {
            return hidden + fixed;
        }
    }

    @Test
    void valuesSurviveEscaping() {
        for (String v : List.of("-", "a\tb", "back\\slash", "line\nbreak", "\\-", "")) {
            assertEquals(v, CommandTable.unescape(CommandTable.escape(v)), v);
        }
        assertNull(CommandTable.unescape(CommandTable.escape(null)));
    }

    /** The subcommand object picocli binds for {@code args}, or null when it rejects them. */
    private static Object picocliParse(String[] args) {
        CommandLine cli = Main.allCommands();
        try {
            ParseResult parsed = cli.parseArgs(args);
            return parsed.subcommand().commandSpec().userObject();
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }

    private static void assertBoundAlike(CommandTable.Command spec, Object fast, Object picocli, List<String> args) throws Exception {
        List<String> paths = new ArrayList<>();
        spec.options().stream().filter(o -> o.kind() != CommandTable.Kind.FALLBACK).forEach(o -> paths.add(o.path()));
        if (spec.positionalPath() != null) {
            paths.add(spec.positionalPath());
        }
        for (String path : paths) {
            Object expected = read(picocli, path);
            Object actual = read(fast, path);
            assertTrue(Objects.equals(expected, actual), path + " of " + args + ": picocli " + expected + ", fast path " + actual);
        }
    }

    private static Object read(Object root, String path) throws Exception {
        Object o = root;
        for (String name : path.split("\\.")) {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            o = f.get(o);
        }
        return o;
    }

    private static String run(String[] args, boolean fast) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e, fast);
        }
        return "exit=" + exit + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n" + err.toString(StandardCharsets.UTF_8);
    }
}
