package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.features.smoke.RequestFormat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bedrock Runtime InvokeModel as the real service speaks it (REST-JSON): {@code POST /model/{modelId}/invoke} with the
 * model ID URL-encoded in the path, errors as {@code x-amzn-ErrorType} plus a JSON {@code message}, token counts in
 * the {@code X-Amzn-Bedrock-Input-Token-Count} / {@code -Output-Token-Count} headers. Bodies are validated per native
 * format like the service does: required and extraneous keys ("Malformed input request: …"), the Anthropic
 * {@code anthropic_version}, output-token limits; an unknown model ID is a ValidationException, a retired one a 404
 * ResourceNotFoundException. Throttling, latency and in-flight counting serve the retry, timeout and concurrency tests.
 */
public final class FakeBedrockRuntime extends FakeHttp {
    /** One received InvokeModel: the decoded model ID, the JSON body and the request's Content-Type. */
    public record Invocation(String modelId, JsonNode body, String contentType) {
    }

    private record Model(String format, int maxOutputTokens) {
    }

    /** Allowed top-level keys and required keys per request format (AWS inference-parameter pages). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "anthropic-messages", Set.of("anthropic_version", "anthropic_beta", "max_tokens", "messages", "system", "temperature",
                    "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "thinking"),
            "nova-messages", Set.of("schemaVersion", "system", "messages", "inferenceConfig", "toolConfig"),
            "titan-text", Set.of("inputText", "textGenerationConfig"),
            "llama", Set.of("prompt", "temperature", "top_p", "max_gen_len", "images"),
            "mistral", Set.of("prompt", "max_tokens", "stop", "temperature", "top_p", "top_k"),
            "mistral-chat", Set.of("messages", "tools", "tool_choice", "max_tokens", "top_p", "temperature"),
            "cohere-command-r", Set.of("message", "chat_history", "documents", "search_queries_only", "preamble", "max_tokens",
                    "temperature", "p", "k", "prompt_truncation", "frequency_penalty", "presence_penalty", "seed", "return_prompt",
                    "tools", "tool_results", "stop_sequences", "raw_prompting"),
            "ai21-jamba", Set.of("messages", "n", "max_tokens", "temperature", "top_p", "stop", "frequency_penalty", "presence_penalty"),
            "deepseek", Set.of("prompt", "temperature", "top_p", "max_tokens", "stop"));
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "anthropic-messages", List.of("anthropic_version", "max_tokens", "messages"),
            "nova-messages", List.of("messages"), "titan-text", List.of("inputText"), "llama", List.of("prompt"),
            "mistral", List.of("prompt"), "mistral-chat", List.of("messages"), "cohere-command-r", List.of("message"),
            "ai21-jamba", List.of("messages"), "deepseek", List.of("prompt"));

    /** Where the format puts its output-token limit: the client's own RequestFormat knowledge (one home). */
    private static String maxTokensPointer(String format) {
        return RequestFormat.of(format).orElseThrow().maxTokensPointer();
    }

    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    public final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long delayMs;
    private volatile boolean tokenHeaders = true;

    public FakeBedrockRuntime() {
        route("POST", "/model/([^/]+)/invoke", (m, x, body) -> invoke(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8),
                x.getRequestHeaders().getFirst("Content-Type"), body));
    }

    /** A base model ID the fake serves (inference-profile IDs {@code us.…}, {@code eu.…} reach it too). */
    public FakeBedrockRuntime model(String id, String format, int maxOutputTokens) {
        models.put(id, new Model(format, maxOutputTokens));
        return this;
    }

    /** A model that has reached end of life: 404 ResourceNotFoundException. */
    public FakeBedrockRuntime retire(String id) {
        retired.add(id);
        return this;
    }

    /** The next {@code n} calls answer 429 ThrottlingException (the SDK retries them). */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public void delay(long ms) {
        delayMs = ms;
    }

    /** Without the token-count headers, clients must read usage from the body (where the format has it). */
    public void tokenHeaders(boolean on) {
        tokenHeaders = on;
    }

    /** The bodies received for one model ID, in order. */
    public List<JsonNode> bodiesFor(String modelId) {
        return invocations.stream().filter(i -> i.modelId().equals(modelId)).map(Invocation::body).toList();
    }

    private Response invoke(String modelId, String contentType, byte[] raw) throws Exception {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (throttleNext.getAndDecrement() > 0) {
                return Response.error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
            }
            JsonNode body = JSON.readTree(raw);
            invocations.add(new Invocation(modelId, body, contentType));
            String base = modelId.replaceFirst("^(us|eu|apac|global)\\.", "");
            if (retired.contains(base)) {
                return Response.error(404, "ResourceNotFoundException",
                        "This model version has reached the end of its life. Please refer to the AWS documentation for more details.");
            }
            Model model = models.get(base);
            if (model == null) {
                return Response.error(400, "ValidationException", "The provided model identifier is invalid.");
            }
            if (!"application/json".equals(contentType)) {
                return Response.error(400, "ValidationException", "The provided Content-Type is not supported: " + contentType);
            }
            String problem = problem(model, base, body);
            if (problem != null) {
                return Response.error(400, "ValidationException", problem);
            }
            return answer(model.format());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** What the service would refuse in this body, in its words, or {@code null}. */
    private static String problem(Model model, String base, JsonNode body) {
        if (!body.isObject()) {
            return "Malformed input request: #: expected type: JSONObject, found: " + body.getNodeType() + ", please reformat your input and try again.";
        }
        for (String key : REQUIRED.get(model.format())) {
            if (!body.has(key)) {
                return "Malformed input request: #: required key [" + key + "] not found, please reformat your input and try again.";
            }
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ALLOWED.get(model.format()).contains(key)) {
                return "Malformed input request: #: extraneous key [" + key + "] is not permitted, please reformat your input and try again.";
            }
        }
        if (model.format().equals("anthropic-messages") && !body.path("anthropic_version").asText().equals("bedrock-2023-05-31")) {
            return "Malformed input request: #/anthropic_version: " + body.path("anthropic_version") + " is not a valid enum value, please reformat your input and try again.";
        }
        JsonNode max = body.at(maxTokensPointer(model.format()));
        if (!max.isMissingNode()) {
            if (!max.isIntegralNumber()) {
                return "Malformed input request: #" + maxTokensPointer(model.format()) + ": expected type: Integer, found: " + max.getNodeType()
                        + ", please reformat your input and try again.";
            }
            if (max.asLong() > model.maxOutputTokens()) {
                return model.format().equals("anthropic-messages")
                        ? "max_tokens: " + max.asLong() + " > " + model.maxOutputTokens() + ", which is the maximum allowed number of output tokens for " + base
                        : "Malformed input request: #" + maxTokensPointer(model.format()) + ": " + max.asLong() + " is not less or equal to "
                        + model.maxOutputTokens() + ", please reformat your input and try again.";
            }
            if (max.asLong() < 1) {
                return "Malformed input request: #" + maxTokensPointer(model.format()) + ": " + max.asLong()
                        + " is not greater or equal to 1, please reformat your input and try again.";
            }
        }
        return null;
    }

    /** A one-word answer in the format's response shape, with its usage fields where the format has them. */
    private Response answer(String format) throws Exception {
        ObjectNode res = JSON.createObjectNode();
        int in;
        int out;
        switch (format) {
            case "anthropic-messages" -> {
                in = 14;
                out = 1;
                res.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("stop_reason", "end_turn");
                res.putArray("content").addObject().put("type", "text").put("text", "ok");
                res.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            case "nova-messages" -> {
                in = 9;
                out = 2;
                res.putObject("output").putObject("message").put("role", "assistant").putArray("content").addObject().put("text", "ok");
                res.put("stopReason", "end_turn");
                res.putObject("usage").put("inputTokens", in).put("outputTokens", out).put("totalTokens", in + out);
            }
            case "titan-text" -> {
                in = 11;
                out = 1;
                res.put("inputTextTokenCount", in);
                res.putArray("results").addObject().put("tokenCount", out).put("outputText", "ok").put("completionReason", "FINISH");
            }
            case "llama" -> {
                in = 21;
                out = 2;
                res.put("generation", "ok").put("prompt_token_count", in).put("generation_token_count", out).put("stop_reason", "stop");
            }
            case "mistral" -> {
                in = 16;
                out = 2;
                res.putArray("outputs").addObject().put("text", "ok").put("stop_reason", "stop");
            }
            case "mistral-chat" -> {
                in = 15;
                out = 2;
                res.putArray("choices").addObject().put("index", 0).put("stop_reason", "stop")
                        .putObject("message").put("role", "assistant").put("content", "ok");
            }
            case "cohere-command-r" -> {
                in = 12;
                out = 1;
                res.put("response_id", "fake").put("text", "ok").put("generation_id", "fake").put("finish_reason", "COMPLETE");
            }
            case "ai21-jamba" -> {
                in = 17;
                out = 2;
                res.put("id", "fake").putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                        .putObject("message").put("role", "assistant").put("content", "ok");
                res.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            }
            default -> { // deepseek
                in = 13;
                out = 5;
                res.putArray("choices").addObject().put("text", "<think>\n</think>\nok").put("stop_reason", "stop");
            }
        }
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        if (tokenHeaders) {
            headers.put("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(in));
            headers.put("X-Amzn-Bedrock-Output-Token-Count", Integer.toString(out));
            headers.put("X-Amzn-Bedrock-Invocation-Latency", "3");
        }
        return new Response(200, headers, JSON.writeValueAsBytes(res));
    }
}
