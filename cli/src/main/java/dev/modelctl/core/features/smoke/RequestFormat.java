package dev.modelctl.core.features.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.model.routing.ModelBlock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The native InvokeModel request formats of the catalog ({@code CatalogModel.requestFormat()}): how each builds its
 * body from a model block and where it reports token usage — the one home of per-provider request knowledge
 * (docs/smoke.md). Bodies are built from the block's own parameters exactly as a runtime reading the document would send
 * them: nothing is added that the document lacks (no {@code anthropic_version} when the block has none), so Bedrock
 * refuses what production would have refused. Only the prompt is synthetic, and {@code max_tokens} may be lowered by
 * {@link OutputCap}. Field names per format: AWS "Inference request parameters" pages.
 */
public enum RequestFormat {
    ANTHROPIC_MESSAGES("anthropic-messages", "/max_tokens", "/usage/input_tokens", "/usage/output_tokens"),
    NOVA_MESSAGES("nova-messages", "/inferenceConfig/maxTokens", "/usage/inputTokens", "/usage/outputTokens"),
    TITAN_TEXT("titan-text", "/textGenerationConfig/maxTokenCount", "/inputTextTokenCount", "/results/0/tokenCount"),
    LLAMA("llama", "/max_gen_len", "/prompt_token_count", "/generation_token_count"),
    MISTRAL("mistral", "/max_tokens", null, null),
    MISTRAL_CHAT("mistral-chat", "/max_tokens", null, null),
    COHERE_COMMAND_R("cohere-command-r", "/max_tokens", null, null),
    AI21_JAMBA("ai21-jamba", "/max_tokens", "/usage/prompt_tokens", "/usage/completion_tokens"),
    DEEPSEEK("deepseek", "/max_tokens", null, null);

    public static final String PROMPT = "Reply with the single word: ok";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final String maxTokensPointer;
    private final String inputTokensPointer;
    private final String outputTokensPointer;

    RequestFormat(String id, String maxTokensPointer, String inputTokensPointer, String outputTokensPointer) {
        this.id = id;
        this.maxTokensPointer = maxTokensPointer;
        this.inputTokensPointer = inputTokensPointer;
        this.outputTokensPointer = outputTokensPointer;
    }

    /** The name the catalog's {@code request_format} uses. */
    public String id() {
        return id;
    }

    /** JSON pointer of the output-token limit in a request body. */
    public String maxTokensPointer() {
        return maxTokensPointer;
    }

    public static Optional<RequestFormat> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** Every format's catalog name, for messages about a format smoke cannot build. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(RequestFormat::id).toList();
    }

    /**
     * @param maxTokens the output-token limit to send, or {@code null} to send none (the block has no {@code max_tokens})
     */
    public byte[] body(ModelBlock m, Long maxTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        switch (this) {
            case ANTHROPIC_MESSAGES -> {
                optional(body, "anthropic_version", m.anthropicVersion());
                optional(body, "max_tokens", maxTokens);
                messages(body, false);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop_sequences", m);
            }
            case NOVA_MESSAGES -> {
                messages(body, true);
                ObjectNode cfg = body.putObject("inferenceConfig");
                optional(cfg, "maxTokens", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case TITAN_TEXT -> {
                body.put("inputText", "User: " + PROMPT + "\nBot:");
                ObjectNode cfg = body.putObject("textGenerationConfig");
                optional(cfg, "maxTokenCount", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case LLAMA -> { // Llama takes no stop sequences on Bedrock
                body.put("prompt", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + PROMPT
                        + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
                optional(body, "max_gen_len", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case MISTRAL -> {
                body.put("prompt", "<s>[INST] " + PROMPT + " [/INST]");
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            case MISTRAL_CHAT -> { // chat completion takes no stop sequences on Bedrock
                messages(body, false);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case COHERE_COMMAND_R -> {
                body.put("message", PROMPT);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "p", m.topP());
                stops(body, "stop_sequences", m);
            }
            case AI21_JAMBA -> {
                messages(body, false);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            case DEEPSEEK -> {
                body.put("prompt", "<｜begin▁of▁sentence｜><｜User｜>" + PROMPT + "<｜Assistant｜><think>\n");
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Input and output tokens of one response: from the {@code X-Amzn-Bedrock-Input-Token-Count} /
     * {@code X-Amzn-Bedrock-Output-Token-Count} headers Bedrock sets on InvokeModel responses, else from the usage
     * fields of this format's response body (mistral, cohere and deepseek bodies carry none: only the headers tell).
     */
    public TokenUsage usage(byte[] body, Map<String, String> headers) {
        long in = header(headers, "x-amzn-bedrock-input-token-count");
        long out = header(headers, "x-amzn-bedrock-output-token-count");
        if (in >= 0 && out >= 0) {
            return new TokenUsage(in, out);
        }
        if (inputTokensPointer == null) {
            return TokenUsage.UNKNOWN;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            return TokenUsage.UNKNOWN;
        }
        return n == null ? TokenUsage.UNKNOWN : new TokenUsage(count(n, inputTokensPointer), count(n, outputTokensPointer));
    }

    private static void messages(ObjectNode body, boolean contentBlocks) {
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        if (contentBlocks) {
            user.putArray("content").addObject().put("text", PROMPT);
        } else {
            user.put("content", PROMPT);
        }
    }

    private static void optional(ObjectNode o, String field, Object value) {
        if (value instanceof Double d) {
            o.put(field, d);
        } else if (value instanceof Long l) {
            o.put(field, l);
        } else if (value instanceof String s) {
            o.put(field, s);
        }
    }

    private static void stops(ObjectNode o, String field, ModelBlock m) {
        if (m.stopSequences() != null && !m.stopSequences().isEmpty()) {
            ArrayNode a = o.putArray(field);
            m.stopSequences().forEach(a::add);
        }
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
