package dev.modelctl.core.finding;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one result type of every check. Lines and columns are 1-based; 0 means "the whole file".
 *
 * @param rules   rule ids involved (rule analysis, team checks); empty when not applicable
 * @param witness an example request demonstrating the finding (attribute → value); empty when not applicable
 */
public record Finding(Check check, Severity severity, String file, int line, int column, String message, String hint,
                      List<String> rules, Map<String, String> witness) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        rules = rules == null ? List.of() : List.copyOf(rules);
        witness = witness == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(witness));
    }

    /** A finding with the check's default severity and no rules or witness. */
    public static Finding of(Check check, String file, int line, int column, String message, String hint) {
        return new Finding(check, check.defaultSeverity(), file, line, column, message, hint, List.of(), Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(check, newSeverity, file, line, column, message, hint, rules, witness);
    }

    public Finding withRules(List<String> ruleIds, Map<String, String> example) {
        return new Finding(check, severity, file, line, column, message, hint, ruleIds, example);
    }

    public boolean blocks() {
        return severity.blocks();
    }
}
