package dev.modelctl.core.features.scan;

import dev.modelctl.core.base.finding.Check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One detection rule from {@code rules/*.yaml}: a regex with a literal keyword pre-filter, and the examples that
 * prove it (every example runs in the test suite). With {@code keywordStartsName} a keyword only counts where a name
 * can start ({@link KeywordIndex#nameCanStartAt}): {@code amazon.} in {@code software.amazon.awssdk} is no hit at all.
 */
public record ScanRule(String id, Check check, String description, List<String> keywords, boolean keywordStartsName, int maxPrefix,
                       Pattern pattern, List<String> mustMatch, List<String> mustNotMatch, String source) {
}
