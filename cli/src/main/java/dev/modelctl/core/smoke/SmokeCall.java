package dev.modelctl.core.smoke;

/**
 * One smoke call and its outcome.
 *
 * @param useCase     the use case it stands for, or {@code null} for a model-block call
 * @param worstCaseCost the estimate the {@code --max-cost} cap uses: prompt plus {@code max_tokens} of output
 * @param error       Bedrock's error code and message, or {@code null} when the call succeeded
 */
public record SmokeCall(String modelBlock, String useCase, String modelId, int line, long latencyMs, long inputTokens,
                        long outputTokens, double cost, double worstCaseCost, String error) {
    public boolean failed() {
        return error != null;
    }
}
