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
}
