import dev.modelctl.core.checks.analysis.RuleAnalyzer;
import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process phase timings for bench/rules.sh: load (strict parse with positions), typed view, rule analysis.
 * Prints one line: first run (a fresh JVM, as the CLI runs it) and the median of the following runs. A full GC
 * runs between phases and is not timed; the whole-command figure in bench/rules.sh includes all collections.
 *   usage: java -cp cli/target/modelctl.jar bench/RulesBench.java DOC.json RUNS
 */
public final class RulesBench {
    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        long[][] ms = new long[3][runs];
        int findings = 0;
        for (int i = 0; i < runs; i++) {
            // a full collection before each phase charges every phase with its own garbage only (and not with
            // copying what the previous phase left live), so the phases can be compared across document sizes
            System.gc();
            long t0 = System.nanoTime();
            SourceDocument source = new DocumentLoader(Long.MAX_VALUE).parse(bytes, args[0]);
            long t1 = System.nanoTime();
            System.gc();
            long t2 = System.nanoTime();
            RoutingDocument doc = RoutingDocument.from(source);
            long t3 = System.nanoTime();
            System.gc();
            long t4 = System.nanoTime();
            findings = new RuleAnalyzer().analyze(doc.rules(), doc.useCases().keySet()).size();
            long t5 = System.nanoTime();
            ms[0][i] = (t1 - t0) / 1_000_000;
            ms[1][i] = (t3 - t2) / 1_000_000;
            ms[2][i] = (t5 - t4) / 1_000_000;
        }
        System.out.printf("%d ms / %d ms | %d ms / %d ms | %d ms / %d ms | %d%n", ms[0][0], median(ms[0]), ms[1][0], median(ms[1]),
                ms[2][0], median(ms[2]), findings);
    }

    /** Median of the runs after the first (the first one also pays for class loading and JIT warm-up). */
    private static long median(long[] values) {
        if (values.length == 1) {
            return values[0];
        }
        long[] warm = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
