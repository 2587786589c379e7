package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bedrock control plane as the real service speaks it (REST-JSON, Bedrock API reference):
 * {@code GET /foundation-models} answers {@code {"modelSummaries": […]}} (one page; optional {@code byProvider},
 * {@code byInferenceType} filters), {@code GET /inference-profiles?maxResults=&nextToken=&type=} answers
 * {@code {"inferenceProfileSummaries": […], "nextToken": …}} page by page. The Region of a request is read where AWS
 * reads it, from the SigV4 credential scope of the Authorization header, so one fake serves several Regions.
 * Unhappy states: throttling (429 ThrottlingException, which the SDK retries), a rejected nextToken, and any error for
 * every request ({@link #failEveryRequest}, e.g. 403 AccessDeniedException).
 */
public final class FakeBedrockControlPlane extends FakeHttp {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/bedrock/aws4_request");

    private final Map<String, List<ObjectNode>> models = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    /** Every request as "REGION METHOD /path?query", in order. */
    public final List<String> log = new CopyOnWriteArrayList<>();
    private volatile int maxPageSize = 1000;

    public FakeBedrockControlPlane() {
        route("GET", "/foundation-models", (m, x, body) -> foundationModels(x));
        route("GET", "/inference-profiles", (m, x, body) -> inferenceProfiles(x));
    }

    /** A foundation model listed in {@code region}: lifecycle ACTIVE or LEGACY, inference types ON_DEMAND / INFERENCE_PROFILE / PROVISIONED. */
    public FakeBedrockControlPlane model(String region, String modelId, String provider, String name, String lifecycle, String... inferenceTypes) {
        ObjectNode m = JSON.createObjectNode()
                .put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + modelId)
                .put("modelId", modelId).put("modelName", name).put("providerName", provider);
        m.putArray("inputModalities").add("TEXT");
        m.putArray("outputModalities").add("TEXT");
        m.put("responseStreamingSupported", true);
        m.putArray("customizationsSupported");
        ArrayNode types = m.putArray("inferenceTypesSupported");
        for (String t : inferenceTypes) {
            types.add(t);
        }
        m.putObject("modelLifecycle").put("status", lifecycle);
        models.computeIfAbsent(region, r -> new CopyOnWriteArrayList<>()).add(m);
        return this;
    }

    /** A system-defined (cross-region) inference profile in {@code region} routing to {@code modelIds}. */
    public FakeBedrockControlPlane profile(String region, String profileId, String... modelIds) {
        ObjectNode p = JSON.createObjectNode()
                .put("inferenceProfileName", profileId.substring(0, profileId.indexOf('.')).toUpperCase() + " " + profileId.substring(profileId.indexOf('.') + 1))
                .put("description", "Routes requests to " + String.join(", ", modelIds))
                .put("createdAt", "2025-09-29T00:00:00Z").put("updatedAt", "2025-09-29T00:00:00Z")
                .put("inferenceProfileArn", "arn:aws:bedrock:" + region + ":123456789012:inference-profile/" + profileId)
                .put("inferenceProfileId", profileId).put("status", "ACTIVE").put("type", "SYSTEM_DEFINED");
        ArrayNode arns = p.putArray("models");
        for (String id : modelIds) {
            arns.addObject().put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + id);
        }
        profiles.computeIfAbsent(region, r -> new CopyOnWriteArrayList<>()).add(p);
        return this;
    }

    /** Pages of ListInferenceProfiles hold at most this many summaries, whatever maxResults asks. */
    public void maxPageSize(int n) {
        maxPageSize = n;
    }

    /** The next {@code n} requests answer 429 ThrottlingException. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    private String region(HttpExchange x) {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : SCOPE.matcher(auth);
        return m != null && m.find() ? m.group(1) : "";
    }

    private Response throttled(HttpExchange x) {
        log.add(region(x) + " " + x.getRequestMethod() + " " + x.getRequestURI());
        if (throttleNext.getAndDecrement() > 0) {
            return Response.error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        }
        return null;
    }

    private Response foundationModels(HttpExchange x) {
        Response t = throttled(x);
        if (t != null) {
            return t;
        }
        Map<String, String> q = query(x);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("modelSummaries");
        for (ObjectNode m : models.getOrDefault(region(x), List.of())) {
            boolean provider = !q.containsKey("byProvider") || m.get("providerName").asText().equalsIgnoreCase(q.get("byProvider"));
            boolean type = !q.containsKey("byInferenceType") || m.get("inferenceTypesSupported").toString().contains("\"" + q.get("byInferenceType") + "\"");
            if (provider && type) {
                list.add(m);
            }
        }
        return Response.json(200, out);
    }

    private Response inferenceProfiles(HttpExchange x) {
        Response t = throttled(x);
        if (t != null) {
            return t;
        }
        Map<String, String> q = query(x);
        int max = q.containsKey("maxResults") ? Integer.parseInt(q.get("maxResults")) : 1000;
        if (max < 1 || max > 1000) {
            return Response.error(400, "ValidationException", "1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode p : profiles.getOrDefault(region(x), List.of())) {
            if (!q.containsKey("type") || p.get("type").asText().equals(q.get("type"))) {
                all.add(p);
            }
        }
        int start = 0;
        if (q.containsKey("nextToken")) {
            try {
                start = Integer.parseInt(q.get("nextToken").replace("page-", ""));
            } catch (NumberFormatException e) {
                return Response.error(400, "ValidationException", "The provided pagination token is invalid.");
            }
        }
        int end = Math.min(all.size(), start + Math.min(max, maxPageSize));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("inferenceProfileSummaries");
        all.subList(Math.min(start, all.size()), end).forEach(list::add);
        if (end < all.size()) {
            out.put("nextToken", "page-" + end);
        }
        return Response.json(200, out);
    }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
