package dev.modelctl.core.features.scan;

import dev.modelctl.core.model.config.Glob;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans files for hard-coded Bedrock model IDs and model-selecting environment variables, in parallel. Allowed globs
 * skip a file, an inline {@code modelctl:allow} suppresses a line's findings, the baseline filters accepted legacy
 * findings.
 */
public final class Scanner {
    public static final String ALLOW_MARKER = "modelctl:allow";

    private final TextMatcher matcher;
    private final EnvVars envVars;
    private final List<Glob> allowed;
    private final String hint;
    private final long maxBytes;

    public Scanner(List<ScanRule> rules, List<String> allowGlobs, String hint, long maxBytes) {
        this.matcher = new TextMatcher(rules.stream().filter(r -> r.check() == Check.HARDCODED_MODEL_ID).toList());
        this.envVars = new EnvVars(maxBytes);
        this.allowed = new ArrayList<>();
        for (String g : allowGlobs) {
            allowed.add(Glob.path(g)); // linear-time matching on the '/'-separated path (docs/scan.md)
            if (g.startsWith("**/")) {
                allowed.add(Glob.path(g.substring(3))); // also at the root
            }
        }
        this.hint = hint;
        this.maxBytes = maxBytes;
    }

    /** Findings with the text each matched (for baseline fingerprints), in file order. */
    public record Result(List<Finding> findings, List<String> matched, ScanStats stats) {
    }

    public Result scan(List<ScanTarget> targets, Baseline baseline, ScanStats stats) {
        List<FileResult> perFile = targets.parallelStream().map(t -> scanOne(t, stats)).toList();
        List<Finding> findings = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (FileResult r : perFile) {
            List<String> fps = baseline.isEmpty() ? null : Baseline.fingerprints(r.findings, r.matched);
            for (int i = 0; i < r.findings.size(); i++) {
                if (fps != null && baseline.contains(fps.get(i))) {
                    stats.baselined.incrementAndGet();
                } else {
                    findings.add(r.findings.get(i));
                    matched.add(r.matched.get(i));
                }
            }
        }
        return new Result(findings, matched, stats);
    }

    private record FileResult(List<Finding> findings, List<String> matched) {
        static final FileResult NONE = new FileResult(List.of(), List.of());
    }

    public boolean isAllowed(String path) {
        return allowed.stream().anyMatch(g -> g.matches(path));
    }

    private FileResult scanOne(ScanTarget target, ScanStats stats) {
        if (isAllowed(target.path())) {
            stats.allowed.incrementAndGet();
            return FileResult.NONE;
        }
        byte[] bytes;
        try {
            bytes = target.content().read(maxBytes);
        } catch (IOException | RuntimeException e) {
            stats.unreadable.incrementAndGet();
            return FileResult.NONE;
        }
        if (bytes == null) {
            stats.tooLarge.incrementAndGet();
            return FileResult.NONE;
        }
        if (isBinary(bytes)) {
            stats.binary.incrementAndGet();
            return FileResult.NONE;
        }
        stats.scanned.incrementAndGet();
        TextMatcher.Latin1 view = new TextMatcher.Latin1(bytes);
        List<Match> idMatches = matcher.matches(bytes, view);
        boolean envCandidate = EnvVars.mayHaveModelKeys(target.path(), bytes);
        if (idMatches.isEmpty() && !envCandidate && !JsonStrings.mayHideIds(target.path(), bytes)) {
            return FileResult.NONE; // the common case: nothing to decode
        }
        if (JsonStrings.mayHideIds(target.path(), bytes)) {
            List<Match> inStrings = JsonStrings.matches(decode(bytes), matcher);
            idMatches = inStrings != null ? inStrings : idMatches; // not JSON: the plain text scan stands
        }
        String latin1 = view.get();
        LineIndex lines = new LineIndex(latin1); // line structure and the ASCII marker read the same in the Latin-1 view
        List<Finding> findings = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        Set<String> reportedAsEnv = new HashSet<>(); // "line:id" of IDs an env-model-key finding already names
        for (EnvVar v : envCandidate ? envVars.extract(target.path(), decode(bytes)) : List.<EnvVar>of()) {
            if (!EnvVars.isModelKey(v.name())) {
                continue;
            }
            if (lines.line(v.line()).contains(ALLOW_MARKER) || lines.line(v.valueLine()).contains(ALLOW_MARKER)) {
                stats.inlineAllowed.incrementAndGet();
                continue;
            }
            List<Match> id = matcher.matchValue(v.value(), v.line());
            if (!id.isEmpty()) {
                for (Match m : id) {
                    reportedAsEnv.add(v.valueLine() + ":" + m.text());
                }
                findings.add(new Finding(Check.ENV_MODEL_KEY, Severity.ERROR, target.path(), v.line(), v.column(),
                        "environment variable " + v.name() + " in " + target.path() + ":" + v.line() + " hard-codes Bedrock model ID '"
                                + id.get(0).text() + "'", hint, List.of(), Map.of()));
            } else {
                findings.add(new Finding(Check.ENV_MODEL_KEY, Severity.WARNING, target.path(), v.line(), v.column(),
                        "environment variable " + v.name() + " in " + target.path() + ":" + v.line()
                                + " may select a model outside the routing config (value '" + abbreviate(v.value()) + "'); review it",
                        "if it selects a model, read it from the routing config; otherwise mark the line with " + ALLOW_MARKER,
                        List.of(), Map.of()));
            }
            matched.add(v.name() + "=" + v.value());
        }
        int markerLine = 0; // the line last looked at for the marker (matches come in line order; a line can be 1 MB long)
        boolean marked = false;
        for (Match m : idMatches) {
            if (reportedAsEnv.contains(m.line() + ":" + m.text())) {
                continue; // the env-model-key finding that sets it says it all
            }
            if (m.line() != markerLine) {
                markerLine = m.line();
                marked = lines.line(markerLine).contains(ALLOW_MARKER);
            }
            if (marked) {
                stats.inlineAllowed.incrementAndGet();
                continue;
            }
            findings.add(Finding.of(Check.HARDCODED_MODEL_ID, target.path(), m.line(), m.column(),
                    "hard-coded Bedrock model ID '" + m.text() + "' in " + target.path() + ":" + m.line(), hint));
            matched.add(m.text());
        }
        return new FileResult(findings, matched);
    }

    static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8, invalid sequences replaced by U+FFFD (what the String constructor does): they must not stop the scan. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
