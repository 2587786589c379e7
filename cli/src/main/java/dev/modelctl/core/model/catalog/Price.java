package dev.modelctl.core.model.catalog;

/** On-demand USD per 1,000 input and output tokens. */
public record Price(double input, double output) {

    /** USD for one request of {@code inputTokens} in and {@code outputTokens} out. */
    public double perRequest(long inputTokens, long outputTokens) {
        return input * inputTokens / 1000.0 + output * outputTokens / 1000.0;
    }

    /** {@code $0.00300/$0.01500 per 1k in/out}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "$%.5f/$%.5f per 1k in/out", input, output);
    }
}
