package dev.modelctl.core.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Input and output tokens of one response: from the {@code X-Amzn-Bedrock-Input-Token-Count} /
 * {@code X-Amzn-Bedrock-Output-Token-Count} headers Bedrock sets on InvokeModel responses, else from the usage fields
 * of the format's response body. {@code -1} means the response did not say.
 */
public record TokenUsage(long input, long output) {
    public static final TokenUsage UNKNOWN = new TokenUsage(-1, -1);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean known() {
        return input >= 0 && output >= 0;
    }

    public static TokenUsage of(String requestFormat, byte[] body, Map<String, String> headers) {
        long in = header(headers, "x-amzn-bedrock-input-token-count");
        long out = header(headers, "x-amzn-bedrock-output-token-count");
        if (in >= 0 && out >= 0) {
            return new TokenUsage(in, out);
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            return UNKNOWN;
        }
        if (n == null) {
            return UNKNOWN;
        }
        return switch (requestFormat) {
            case "anthropic-messages" -> new TokenUsage(count(n, "/usage/input_tokens"), count(n, "/usage/output_tokens"));
            case "nova-messages" -> new TokenUsage(count(n, "/usage/inputTokens"), count(n, "/usage/outputTokens"));
            case "titan-text" -> new TokenUsage(count(n, "/inputTextTokenCount"), count(n, "/results/0/tokenCount"));
            case "llama" -> new TokenUsage(count(n, "/prompt_token_count"), count(n, "/generation_token_count"));
            case "ai21-jamba" -> new TokenUsage(count(n, "/usage/prompt_tokens"), count(n, "/usage/completion_tokens"));
            default -> UNKNOWN; // mistral, cohere, deepseek bodies carry no usage: only the headers tell
        };
    }

    private static long header(Map<String, String> headers, String name) {
        String v = headers.get(name);
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long count(JsonNode n, String pointer) {
        JsonNode v = n.at(pointer);
        return v.canConvertToLong() ? v.asLong() : -1;
    }
}
