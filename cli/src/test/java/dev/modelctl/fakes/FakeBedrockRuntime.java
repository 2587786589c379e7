package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bedrock Runtime InvokeModel ({@code POST /model/{modelId}/invoke}, REST-JSON) that validates request bodies the way
 * the service does: Anthropic bodies need {@code anthropic_version}, {@code max_tokens} may not exceed the model's
 * output limit, unknown models are refused; optional throttling and latency for retry and timeout tests.
 */
public final class FakeBedrockRuntime extends FakeHttp {
    private final Map<String, Integer> maxOutput = new ConcurrentHashMap<>();
    public final List<String> invokedModels = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long delayMs;

    public FakeBedrockRuntime() {
        route("POST", "/model/([^/]+)/invoke", (m, x, body) -> invoke(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), body));
    }

    public FakeBedrockRuntime model(String id, int maxOutputTokens) {
        maxOutput.put(id, maxOutputTokens);
        return this;
    }

    /** The next {@code n} calls answer 429 ThrottlingException (the SDK retries them). */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public void delay(long ms) {
        delayMs = ms;
    }

    private Response invoke(String modelId, byte[] body) throws Exception {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (throttleNext.getAndDecrement() > 0) {
                return Response.error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
            }
            invokedModels.add(modelId);
            String base = modelId.replaceFirst("^(us|eu|apac|global)\\.", "");
            Integer limit = maxOutput.get(base);
            if (limit == null) {
                return Response.error(400, "ValidationException", "The provided model identifier is invalid.");
            }
            JsonNode req = JSON.readTree(body);
            ObjectNode res = JSON.createObjectNode();
            if (base.startsWith("anthropic.")) {
                if (!req.has("anthropic_version")) {
                    return Response.error(400, "ValidationException",
                            "Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.");
                }
                if (!req.path("anthropic_version").asText().equals("bedrock-2023-05-31")) {
                    return Response.error(400, "ValidationException", "Invalid API version");
                }
                long max = req.path("max_tokens").asLong();
                if (max > limit) {
                    return Response.error(400, "ValidationException", "max_tokens: " + max + " > " + limit
                            + ", which is the maximum allowed number of output tokens for " + base);
                }
                res.put("id", "msg_fake").put("type", "message").put("role", "assistant");
                res.putArray("content").addObject().put("type", "text").put("text", "ok");
                res.putObject("usage").put("input_tokens", 14).put("output_tokens", 1);
                return new Response(200, Map.of("Content-Type", "application/json", "X-Amzn-Bedrock-Input-Token-Count", "14",
                        "X-Amzn-Bedrock-Output-Token-Count", "1"), res.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (base.startsWith("amazon.nova")) {
                long max = req.path("inferenceConfig").path("maxTokens").asLong(0);
                if (max > limit) {
                    return Response.error(400, "ValidationException", "maxTokens " + max + " exceeds the limit of " + limit);
                }
                res.putObject("output").putObject("message").put("role", "assistant").putArray("content").addObject().put("text", "ok");
                res.putObject("usage").put("inputTokens", 9).put("outputTokens", 2);
                return Response.json(200, res); // token counts from the body, no headers
            }
            if (base.startsWith("amazon.titan")) {
                long max = req.path("textGenerationConfig").path("maxTokenCount").asLong(0);
                if (max > limit) {
                    return Response.error(400, "ValidationException", "maxTokenCount " + max + " exceeds " + limit);
                }
                res.put("inputTextTokenCount", 8);
                res.putArray("results").addObject().put("tokenCount", 1).put("outputText", "ok").put("completionReason", "FINISH");
                return Response.json(200, res);
            }
            return Response.error(400, "ValidationException", "This fake does not know the body format of " + base);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
