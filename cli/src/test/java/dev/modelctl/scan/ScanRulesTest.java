package dev.modelctl.scan;

import dev.modelctl.core.scan.ScanRule;
import dev.modelctl.core.scan.ScanRules;
import dev.modelctl.core.scan.TextMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example of every detection rule in rules/ must (not) match, through the same matcher the scanner uses. */
class ScanRulesTest {
    @TestFactory
    List<DynamicTest> everyExampleOfEveryRule() {
        List<DynamicTest> tests = new ArrayList<>();
        List<ScanRule> all = ScanRules.load(List.of());
        assertTrue(all.size() >= 2);
        for (ScanRule rule : all) {
            assertFalse(rule.mustMatch().isEmpty(), rule.id() + " has no positive examples");
            assertFalse(rule.mustNotMatch().isEmpty(), rule.id() + " has no negative examples");
            TextMatcher one = new TextMatcher(List.of(rule));
            for (String example : rule.mustMatch()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " matches: " + example,
                        () -> assertEquals(1, one.matches(example).size(), () -> rule.id() + " should match once: " + example)));
            }
            for (String example : rule.mustNotMatch()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " ignores: " + example,
                        () -> assertEquals(List.of(), one.matches(example), () -> rule.id() + " must not match: " + example)));
            }
        }
        return tests;
    }
}
