package dev.modelctl.core.model.routing;

import java.util.List;

/** One entry of {@code models}. Optional fields are {@code null} when absent or mistyped (the schema reports those). */
public record ModelBlock(String name, String pointer, String modelId, Long maxTokens, Double temperature, Double topP,
                         String anthropicVersion, List<String> stopSequences, String description) {
}
