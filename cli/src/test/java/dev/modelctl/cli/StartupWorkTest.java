package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import dev.modelctl.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hook paths stay clear of JDK and Jackson set-up that costs more than their own work on a cold JVM
 * (docs/startup.md, "Inside the JVM"): Jackson's {@code ObjectMapper} (its class set-up builds a
 * {@code SimpleDateFormat}), the JDK's locale data (any {@code String.format} of a number), Jackson's parser
 * classes (the built-ins are read from their compiled trees, CompiledTree), picocli and reflective field access (the
 * fast path's generated FastBindings) and the JDK's comparator combinators. Run in a child JVM
 * with the class-initialization log, which names every class the run initializes.
 */
class StartupWorkTest {
    private static final List<String> AVOIDED = List.of("com/fasterxml/jackson/databind/ObjectMapper",
            "sun/util/locale/provider/LocaleProviderAdapter", "java/text/SimpleDateFormat",
            // the built-ins (catalog, rules, schemas) are read from their compiled trees: no JSON parser on a YAML run
            "com/fasterxml/jackson/core/base/ParserMinimalBase",
            // the fast path binds through its generated FastBindings: neither picocli nor a reflective field accessor
            "picocli/CommandLine", "jdk/internal/reflect/FieldAccessorImpl",
            // JGit's shutdown work (JGitUse): these runs halt, so they must leave JGit none
            "org/eclipse/jgit/internal/util/ShutdownHook");
    /**
     * Class-name prefixes the hook paths avoid: the JDK's comparator combinators ({@code Comparator.comparing}) are
     * serializable lambdas, spun at run time because the AOT cache does not hold them.
     */
    private static final List<String> AVOIDED_PREFIXES = List.of("java/util/Comparator$$Lambda");

    /**
     * What the hook paths that start no process also avoid: a class-path service scan, which opens the jar and reads
     * its central directory (SLF4J looking for its binding, the JDK's logger backend that System.exit asks for), and
     * for {@code scan PATHS} opening the repository with JGit (which runs the git binary for its system config).
     */
    private static final List<String> NO_PROCESS_AVOIDED = List.of("java/util/ServiceLoader$LazyClassPathLookupIterator",
            "jdk/internal/logger/BootstrapLogger", "org/eclipse/jgit/lib/Repository");

    private static List<String> avoidedClassesInitialized(Path cwd, String... args) throws Exception {
        return avoidedClassesInitialized(cwd, List.of(), args);
    }

    private static List<String> avoidedClassesInitialized(Path cwd, List<String> alsoAvoided, String... args) throws Exception {
        Path log = Files.createTempFile("modelctl-class-init", ".log");
        try {
            List<String> command = Cli.javaCommand(List.of("-Xlog:class+init=info:file=" + log), List.of(args));
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("modelctl " + String.join(" ", args) + " did not finish");
            }
            List<String> found = new ArrayList<>();
            List<String> lines = Files.readAllLines(log);
            if (lines.stream().noneMatch(l -> l.contains("Initializing 'dev/modelctl/cli/Main'"))) {
                found.add("no class-initialization log"); // the check below would prove nothing
            }
            for (String line : lines) {
                for (String name : java.util.stream.Stream.concat(AVOIDED.stream(), alsoAvoided.stream()).toList()) {
                    if (line.contains("Initializing '" + name + "'")) {
                        found.add(name);
                    }
                }
                for (String prefix : AVOIDED_PREFIXES) {
                    if (line.contains("Initializing '" + prefix)) {
                        found.add(prefix);
                    }
                }
            }
            found.add("exit " + p.exitValue());
            return found;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Every class this build compiles (ours, picocli's source, the generated ones) concatenates strings with
     * StringBuilder code ({@code -XDstringConcat=inline}), not invokedynamic: on JDK 17 each such call site spins
     * method-handle classes at its first run, which AppCDS cannot archive (about 60 in a {@code check}). A static
     * test, because JDK 17 initializes {@code StringConcatFactory} at boot whether or not anything uses it.
     */
    @Test
    void noCompiledClassBootstrapsStringConcatenation() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] bootstrap = "makeConcatWithConstants".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (var files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                if (contains(Files.readAllBytes(f), bootstrap)) {
                    offenders.add(classes.relativize(f).toString());
                }
            }
        }
        assertEquals(true, checked > 500, "expected the build's classes in " + classes + ", found " + checked);
        assertEquals(List.of(), offenders);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** JDK 21+ sets the logger up in System.exit; on 17 (no exit logging) this checks that halting loses no output. */
    @Test
    void aBareVersionPrintsAndExitsWithoutTheJdkLogger(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("class-init.log");
        Process p = new ProcessBuilder(Cli.javaCommand(List.of("-Xlog:class+init=info:file=" + log), List.of("--version")))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("modelctl " + dev.modelctl.core.report.Version.get() + "\nJVM " + System.getProperty("java.version") + "\n", out);
        List<String> lines = Files.readAllLines(log);
        assertEquals(true, lines.stream().anyMatch(l -> l.contains("Initializing 'dev/modelctl/cli/Main'")), "no class-initialization log");
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("Initializing 'jdk/internal/logger/BootstrapLogger'")).toList());
    }

    @Test
    void checkOfAValidDocumentBuildsNoMapperAndLoadsNoLocaleData(@TempDir Path dir) throws Exception {
        Files.copy(Cli.repoRoot().resolve("templates/model_routing_config.example.yaml"), dir.resolve("model_routing_config.yaml"));
        assertEquals(List.of("exit 0"), avoidedClassesInitialized(dir, NO_PROCESS_AVOIDED, "check", "model_routing_config.yaml"));
        assertEquals(List.of("exit 0"), avoidedClassesInitialized(dir, NO_PROCESS_AVOIDED, "validate", "model_routing_config.yaml"));
    }

    /** What pre-commit runs: the staged files by name. */
    @Test
    void scanOfNamedFilesOpensNeitherTheRepositoryNorTheJar(@TempDir Path dir) throws Exception {
        GitRepo.initWithGitBinary(dir);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        Files.writeString(dir.resolve("app.py"), "def handler(event):\n    return event\n");
        assertEquals(List.of("exit 1"), avoidedClassesInitialized(dir, NO_PROCESS_AVOIDED, "scan", "src/client.py", "app.py"));
    }

    @Test
    void scanOfStagedFilesBuildsNoMapperAndLoadsNoLocaleData(@TempDir Path dir) throws Exception {
        GitRepo.initWithGitBinary(dir);
        Files.writeString(dir.resolve("client.py"), "MODEL = \"anthropic.claude-3-haiku-20240307-v1:0\"\n");
        Files.writeString(dir.resolve("app.py"), "def handler(event):\n    return event\n");
        GitRepo.git(dir, "add", "-A");
        assertEquals(List.of("exit 1"), avoidedClassesInitialized(dir, "scan", "--staged"));
    }
}
