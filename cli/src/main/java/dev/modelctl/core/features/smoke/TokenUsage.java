package dev.modelctl.core.features.smoke;

/**
 * Input and output tokens of one response ({@link RequestFormat#usage} reads them). {@code -1} means the response did
 * not say.
 */
public record TokenUsage(long input, long output) {
    public static final TokenUsage UNKNOWN = new TokenUsage(-1, -1);

    public boolean known() {
        return input >= 0 && output >= 0;
    }
}
