package dev.modelctl.core.scan;

/** An environment variable set in a configuration file: its name, value and where the name is (1-based). */
public record EnvVar(String name, String value, int line, int column) {
}
