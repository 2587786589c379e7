package dev.modelctl.cli;

import dev.modelctl.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher (hooks/modelctl) picks the start-up cache from the command line in bash: the check and scan caches
 * know the text output only, so every option that makes another output must send the run to the "all" cache. This
 * keeps the launcher's list in step with the options picocli declares (docs/startup.md).
 */
class LauncherProfileTest {
    @Test
    void everyOutputOptionOfTheHookCommandsSendsTheRunToTheAllCache() throws IOException {
        String launcher = Files.readString(Cli.repoRoot().resolve("hooks/modelctl"));
        CommandLine all = Main.allCommands();
        List<String> outputs = new ArrayList<>();
        for (String command : List.of("check", "validate", "scan")) {
            for (CommandLine.Model.OptionSpec o : all.getSubcommands().get(command).getCommandSpec().options()) {
                if (o.longestName().endsWith("-file") && !outputs.contains(o.longestName())) {
                    outputs.add(o.longestName());
                }
            }
        }
        assertEquals(List.of("--json-file", "--sarif-file", "--summary-file"), outputs.stream().sorted().toList());
        for (String option : outputs) {
            assertTrue(launcher.contains(option + "|" + option + "=*"), option + " is not routed to the all cache in hooks/modelctl");
        }
        // --format (anything but text goes to the all cache) is run both ways by .ci/launcher-e2e.sh
    }

    /**
     * The start-up benchmark's floor (bench/lib.sh) runs with the JVM flags the launcher gives a hook command, or its
     * ratios would compare unlike runs: the launcher's flags outside the full JIT mode equal the bench's.
     */
    @Test
    void theBenchFloorHasTheLaunchersHookFlags() throws IOException {
        String launcher = Files.readString(Cli.repoRoot().resolve("hooks/modelctl"));
        String common = launcher.substring(launcher.indexOf("\nflags=(-"), launcher.indexOf('\n', launcher.indexOf("\nflags=(-") + 1));
        String hookMode = launcher.substring(launcher.indexOf("\nelse\n", launcher.indexOf(common)), launcher.indexOf("\n# --- the start-up cache"));
        String bench = Files.readString(Cli.repoRoot().resolve("bench/lib.sh"));
        String benchFlags = bench.substring(bench.indexOf("\nbench_flags=("), bench.indexOf("\n\n", bench.indexOf("\nbench_flags=(")));
        assertEquals(jvmFlags(common + hookMode), jvmFlags(benchFlags));
    }

    /** The JVM options ({@code -X…}) in shell code, comments left out, each once, sorted. */
    private static List<String> jvmFlags(String shell) {
        List<String> flags = new ArrayList<>();
        for (String line : shell.lines().map(l -> l.replaceAll("(^|\\s)#.*", "")).toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-X[^\\s)\"]+").matcher(line);
            while (m.find()) {
                if (!flags.contains(m.group())) {
                    flags.add(m.group());
                }
            }
        }
        flags.sort(null);
        return flags;
    }
}
