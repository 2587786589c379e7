package dev.modelctl.core.base.finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one result type of every check. Lines and columns are 1-based; 0 means "the whole file".
 *
 * @param rules      rule ids involved (rule analysis, team checks); empty when not applicable
 * @param witness    an example request demonstrating the finding (attribute → value); empty when not applicable
 * @param properties further machine-readable facts a check adds (e.g. {@code teams} and {@code owners} of an
 *                   approval, the prices of a routing change): names are snake_case, values are strings, numbers,
 *                   booleans, lists or maps of those. Rendered as extra JSON fields and as SARIF result properties.
 */
public record Finding(Check check, Severity severity, String file, int line, int column, String message, String hint,
                      List<String> rules, Map<String, String> witness, Map<String, Object> properties) {

    /** Field names the JSON output already uses; a property may not shadow them. */
    private static final Set<String> RESERVED = Set.of("check", "severity", "file", "line", "column", "message", "hint",
            "rules", "witness");

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        rules = rules == null ? List.of() : List.copyOf(rules);
        witness = witness == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(witness));
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        for (String name : properties.keySet()) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("finding property '" + name + "' shadows a finding field");
            }
        }
    }

    /** A finding without extra properties. */
    public Finding(Check check, Severity severity, String file, int line, int column, String message, String hint,
                   List<String> rules, Map<String, String> witness) {
        this(check, severity, file, line, column, message, hint, rules, witness, Map.of());
    }

    /** A finding with the check's default severity and no rules or witness. */
    public static Finding of(Check check, String file, int line, int column, String message, String hint) {
        return new Finding(check, check.defaultSeverity(), file, line, column, message, hint, List.of(), Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(check, newSeverity, file, line, column, message, hint, rules, witness, properties);
    }

    public Finding withRules(List<String> ruleIds, Map<String, String> example) {
        return new Finding(check, severity, file, line, column, message, hint, ruleIds, example, properties);
    }

    /** This finding with one more property (insertion order is output order). */
    public Finding withProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Finding(check, severity, file, line, column, message, hint, rules, witness, more);
    }

    public boolean blocks() {
        return severity.blocks();
    }
}
