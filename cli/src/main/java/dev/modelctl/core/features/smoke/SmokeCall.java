package dev.modelctl.core.features.smoke;

/**
 * One smoke call and its outcome.
 *
 * @param costUsd      the call's cost from the tokens the response reports, at catalog prices; NaN when it did not say
 * @param errorCode    Bedrock's error code ({@code ValidationException}, …; {@code Timeout}), or {@code null} on success
 * @param errorMessage Bedrock's own message, or {@code null} on success
 */
public record SmokeCall(PlannedCall planned, long latencyMs, TokenUsage usage, double costUsd, String errorCode,
                        String errorMessage) {

    public boolean failed() {
        return errorCode != null;
    }

    static SmokeCall succeeded(PlannedCall p, long latencyMs, TokenUsage usage) {
        double cost = usage.known()
                ? usage.input() / 1000.0 * p.model().pricePer1kInput() + usage.output() / 1000.0 * p.model().pricePer1kOutput()
                : Double.NaN;
        return new SmokeCall(p, latencyMs, usage, cost, null, null);
    }

    static SmokeCall failed(PlannedCall p, long latencyMs, String code, String message) {
        return new SmokeCall(p, latencyMs, TokenUsage.UNKNOWN, 0, code, message);
    }
}
