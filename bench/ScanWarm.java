import dev.modelctl.core.features.scan.Baseline;
import dev.modelctl.core.features.scan.ScanRules;
import dev.modelctl.core.features.scan.ScanStats;
import dev.modelctl.core.features.scan.ScanTarget;
import dev.modelctl.git.ScanSources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The scan of a tree repeated in one JVM: what the scanner costs once the JIT has compiled it (a native image or a
 * long-lived process), as opposed to a cold `modelctl scan`. Same work as the command: list, read, match, findings.
 * usage: java -cp cli/target/modelctl.jar bench/ScanWarm.java TREE [RUNS]
 */
public class ScanWarm {
    public static void main(String[] args) {
        Path tree = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Long> times = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < runs + 3; i++) { // three warm-up runs
            long start = System.nanoTime();
            var scanner = new dev.modelctl.core.features.scan.Scanner(ScanRules.load(List.of()), List.of(), "hint", 1 << 20);
            ScanStats stats = new ScanStats();
            List<ScanTarget> targets;
            try (ScanSources sources = ScanSources.open(tree, stats)) {
                targets = sources.paths(List.of(tree));
            }
            found = scanner.scan(targets, Baseline.empty(), stats).findings().size();
            if (i >= 3) {
                times.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(times);
        System.out.println(times.get(times.size() / 2) + " " + found);
    }
}
