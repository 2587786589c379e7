package dev.modelctl.core.base.finding;

/** How much a finding matters: {@code ERROR} blocks (exit 1), the others only inform. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean blocks() {
        return this == ERROR;
    }
}
