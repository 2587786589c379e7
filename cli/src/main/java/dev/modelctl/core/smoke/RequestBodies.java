package dev.modelctl.core.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.routing.ModelBlock;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The native InvokeModel body of each request format of the catalog ({@code CatalogModel.requestFormat()}), built from
 * the block's own parameters exactly as a runtime reading the document would send them: nothing is added that the
 * document lacks (no {@code anthropic_version} when the block has none), so Bedrock refuses what production would
 * have refused. Only the prompt is synthetic, and {@code max_tokens} may be lowered by {@link OutputCap}.
 * Field names per format: AWS "Inference request parameters" pages (anthropic-messages, titan-text, nova-messages,
 * meta llama, mistral text/chat completion, cohere command r, ai21 jamba, deepseek).
 */
public final class RequestBodies {
    public static final String PROMPT = "Reply with the single word: ok";
    /** Every request format this class can build; a catalog entry with another format cannot be smoke-tested. */
    public static final List<String> FORMATS = List.of("anthropic-messages", "nova-messages", "titan-text", "llama", "mistral",
            "mistral-chat", "cohere-command-r", "ai21-jamba", "deepseek");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestBodies() {
    }

    /**
     * @param maxTokens the output-token limit to send, or {@code null} to send none (the block has no {@code max_tokens})
     */
    public static byte[] build(String requestFormat, ModelBlock m, Long maxTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        switch (requestFormat) {
            case "anthropic-messages" -> {
                optional(body, "anthropic_version", m.anthropicVersion());
                optional(body, "max_tokens", maxTokens);
                messages(body, false);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop_sequences", m);
            }
            case "nova-messages" -> {
                messages(body, true);
                ObjectNode cfg = body.putObject("inferenceConfig");
                optional(cfg, "maxTokens", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case "titan-text" -> {
                body.put("inputText", "User: " + PROMPT + "\nBot:");
                ObjectNode cfg = body.putObject("textGenerationConfig");
                optional(cfg, "maxTokenCount", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case "llama" -> { // Llama takes no stop sequences on Bedrock
                body.put("prompt", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + PROMPT
                        + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
                optional(body, "max_gen_len", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case "mistral" -> {
                body.put("prompt", "<s>[INST] " + PROMPT + " [/INST]");
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            case "mistral-chat" -> { // chat completion takes no stop sequences on Bedrock
                messages(body, false);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case "cohere-command-r" -> {
                body.put("message", PROMPT);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "p", m.topP());
                stops(body, "stop_sequences", m);
            }
            case "ai21-jamba" -> {
                messages(body, false);
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            case "deepseek" -> {
                body.put("prompt", "<｜begin▁of▁sentence｜><｜User｜>" + PROMPT + "<｜Assistant｜><think>\n");
                optional(body, "max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            default -> throw new IllegalArgumentException("no request body for format '" + requestFormat + "'");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
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
}
