package dev.modelctl.registry;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.Findings;
import dev.modelctl.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixture with a {@code .expected} file beside it (see {@link Fixture}) run through the real CLI, in JSON and in
 * text format: the exact check ids, lines, columns and exit code.
 */
class CheckFixturesTest {
    static Stream<Fixture> fixtures() {
        return Fixture.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jsonFormatHasExactlyTheExpectedFindings(Fixture f) {
        Cli.Result r = f.runJson();
        assertEquals(f.exit(), r.exit(), r::toString);
        assertEquals(f.findings(), Findings.briefs(r), r::toString);
        for (Findings.Row row : Findings.of(r.out())) {
            Path at = Path.of(row.file()).isAbsolute() ? Path.of(row.file()) : Cli.repoRoot().resolve(row.file()); // scan: repo-relative
            assertTrue(at.startsWith(f.file().getParent()), () -> "finding outside the fixture's folder: " + row.file() + ": " + row);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void textFormatNamesFileLineColumnAndCheck(Fixture f) {
        Cli.Result r = Cli.run(f.args().toArray(String[]::new));
        assertEquals(f.exit(), r.exit(), r::toString);
        assertEquals(f.findings(), Findings.text(r.out()).stream().map(Findings.Row::brief).toList(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void everyDocumentFixtureHasItsExpectedResult() throws IOException {
        Path documents = Fixture.ROOT.resolve("documents");
        try (Stream<Path> list = Files.list(documents)) {
            list.filter(p -> !p.toString().endsWith(".expected"))
                    .forEach(p -> assertTrue(Files.exists(Path.of(p + ".expected")), "no " + p.getFileName() + ".expected"));
        }
    }
}
