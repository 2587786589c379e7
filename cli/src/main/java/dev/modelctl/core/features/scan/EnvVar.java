package dev.modelctl.core.features.scan;

/**
 * An environment variable set in a configuration file: its name and where the name is (1-based), its value as
 * written (a literal, or the expression that computes it) and the line the value is on.
 */
public record EnvVar(String name, String value, int line, int column, int valueLine) {
    public EnvVar(String name, String value, int line, int column) {
        this(name, value, line, column, line);
    }
}
