package dev.modelctl.core.checks.team;

import dev.modelctl.core.model.config.Glob;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One team of the ownership file: a priority band, the rule ids it owns (globs), its reviewers and rule files. */
public record Team(String name, long low, long high, List<String> rulePatterns, List<String> owners, List<String> files,
                   String pointer, int line, int column) {

    public boolean owns(String ruleId) {
        return rulePatterns.stream().anyMatch(p -> glob(p).matches(ruleId));
    }

    public boolean inRange(long priority) {
        return priority >= low && priority <= high;
    }

    public String range() {
        return "[" + low + ", " + high + "]";
    }

    /** {@code team (@a, @b)} for approval messages. */
    public String withOwners() {
        return owners.isEmpty() ? name : name + " (" + String.join(", ", owners) + ")";
    }

    /** Compiled patterns, shared: a check asks every team about every rule. */
    private static final Map<String, Glob> GLOBS = new ConcurrentHashMap<>();

    /** Glob on rule ids: {@code *} any run of characters, {@code ?} one character, everything else literal. */
    static Glob glob(String pattern) {
        return GLOBS.computeIfAbsent(pattern, Glob::ruleId);
    }
}
