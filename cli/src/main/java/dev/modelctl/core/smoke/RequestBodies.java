package dev.modelctl.core.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.routing.ModelBlock;

import java.nio.charset.StandardCharsets;

/**
 * The native InvokeModel body each model family expects, built from the document's own parameters — exactly what a
 * runtime reading the document sends, so a missing {@code anthropic_version} or an oversized {@code max_tokens} fails
 * here as it would in production.
 */
public final class RequestBodies {
    public static final String PROMPT = "Reply with the single word: ok";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestBodies() {
    }

    public static byte[] build(String requestFormat, ModelBlock m) {
        ObjectNode body = MAPPER.createObjectNode();
        long maxTokens = m.maxTokens() == null ? 16 : m.maxTokens();
        switch (requestFormat) {
            case "anthropic-messages" -> {
                if (m.anthropicVersion() != null) {
                    body.put("anthropic_version", m.anthropicVersion());
                }
                body.put("max_tokens", maxTokens);
                message(body.putArray("messages"), false);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop_sequences", m);
            }
            case "nova-messages" -> {
                message(body.putArray("messages"), true);
                ObjectNode cfg = body.putObject("inferenceConfig");
                cfg.put("maxTokens", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case "titan-text" -> {
                body.put("inputText", PROMPT);
                ObjectNode cfg = body.putObject("textGenerationConfig");
                cfg.put("maxTokenCount", maxTokens);
                optional(cfg, "temperature", m.temperature());
                optional(cfg, "topP", m.topP());
                stops(cfg, "stopSequences", m);
            }
            case "llama" -> {
                body.put("prompt", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + PROMPT
                        + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
                body.put("max_gen_len", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case "mistral", "deepseek" -> {
                body.put("prompt", requestFormat.equals("mistral") ? "<s>[INST] " + PROMPT + " [/INST]" : PROMPT);
                body.put("max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
                stops(body, "stop", m);
            }
            case "mistral-chat", "ai21-jamba" -> {
                message(body.putArray("messages"), false);
                body.put("max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "top_p", m.topP());
            }
            case "cohere-command-r" -> {
                body.put("message", PROMPT);
                body.put("max_tokens", maxTokens);
                optional(body, "temperature", m.temperature());
                optional(body, "p", m.topP());
                stops(body, "stop_sequences", m);
            }
            default -> throw new IllegalArgumentException("no request body for format '" + requestFormat + "'");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void message(ArrayNode messages, boolean contentObjects) {
        ObjectNode user = messages.addObject().put("role", "user");
        if (contentObjects) {
            user.putArray("content").addObject().put("text", PROMPT);
        } else {
            user.put("content", PROMPT);
        }
    }

    private static void optional(ObjectNode o, String field, Double value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void stops(ObjectNode o, String field, ModelBlock m) {
        if (m.stopSequences() != null && !m.stopSequences().isEmpty()) {
            ArrayNode a = o.putArray(field);
            m.stopSequences().forEach(a::add);
        }
    }

    /** Input and output token counts from the response headers Bedrock sets, else from the family's usage fields. */
    public static long[] tokens(byte[] response, java.util.Map<String, String> headers) {
        String in = headers.get("x-amzn-bedrock-input-token-count");
        String out = headers.get("x-amzn-bedrock-output-token-count");
        if (in != null && out != null) {
            return new long[]{Long.parseLong(in.trim()), Long.parseLong(out.trim())};
        }
        try {
            var n = MAPPER.readTree(response);
            long i = first(n, "/usage/input_tokens", "/usage/inputTokens", "/inputTextTokenCount", "/prompt_token_count", "/usage/prompt_tokens");
            long o = first(n, "/usage/output_tokens", "/usage/outputTokens", "/results/0/tokenCount", "/generation_token_count", "/usage/completion_tokens");
            return new long[]{i, o};
        } catch (java.io.IOException e) {
            return new long[]{-1, -1};
        }
    }

    private static long first(com.fasterxml.jackson.databind.JsonNode n, String... pointers) {
        for (String p : pointers) {
            if (n.at(p).canConvertToLong()) {
                return n.at(p).asLong();
            }
        }
        return -1;
    }
}
