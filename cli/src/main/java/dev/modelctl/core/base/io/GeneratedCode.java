package dev.modelctl.core.base.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classes the build writes and compiles after the hand-written ones (the fast path's bindings, the embedded jar
 * resources; cli/CompileBuiltIns), so no hand-written class can name them. Each one's static initializer registers its
 * instance here; {@link #load} initializes the class by name and returns it. No reflective constructor call: on JDK
 * 18+ the first one of a run spins method-handle classes that the AOT cache cannot hold (docs/startup.md).
 */
public final class GeneratedCode {
    private static final Map<String, Object> REGISTERED = new ConcurrentHashMap<>();

    private GeneratedCode() {
    }

    /** Called by the static initializer of the generated class {@code className}. */
    public static void register(String className, Object instance) {
        REGISTERED.put(className, instance);
    }

    /**
     * The instance the generated class {@code className} registers, or null when this build has none (classes compiled
     * without the build step, e.g. by an IDE): callers then do the same work the slower way.
     */
    public static <T> T load(String className, Class<T> type) {
        try {
            Class.forName(className, true, GeneratedCode.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        return type.cast(REGISTERED.get(className));
    }
}
