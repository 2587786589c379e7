package dev.modelctl.core.team;

import java.util.List;
import java.util.regex.Pattern;

/** One team of the ownership file: a priority band, the rule ids it owns (globs), its reviewers and rule files. */
public record Team(String name, long low, long high, List<String> rulePatterns, List<String> owners, List<String> files,
                   String pointer, int line, int column) {

    public boolean owns(String ruleId) {
        return rulePatterns.stream().anyMatch(p -> glob(p).matcher(ruleId).matches());
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

    /** Glob on rule ids: {@code *} any run of characters, {@code ?} one character, everything else literal. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
