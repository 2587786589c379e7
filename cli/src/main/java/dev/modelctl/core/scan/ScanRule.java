package dev.modelctl.core.scan;

import dev.modelctl.core.finding.Check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One detection rule from {@code rules/*.yaml}: a regex with a literal keyword pre-filter, and the examples that
 * prove it (every example runs in the test suite).
 */
public record ScanRule(String id, Check check, String description, List<String> keywords, int maxPrefix, Pattern pattern,
                       List<String> mustMatch, List<String> mustNotMatch, String source) {

    /** Cheap literal test: can the regex possibly match somewhere in {@code text}? */
    public boolean mayMatch(String text) {
        for (String k : keywords) {
            if (text.contains(k)) {
                return true;
            }
        }
        return keywords.isEmpty();
    }
}
