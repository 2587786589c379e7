package dev.modelctl.core.report;

/** The tool's version, from the jar manifest (set by the build); "dev" when run from classes. */
public final class Version {
    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
