package dev.modelctl.core.features.smoke;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a smoke run: failed calls become {@code smoke-call-failed} findings at the model block they were
 * built from (what to fix), one per block and error, naming every call that hit it; every call, passed or failed, is a
 * row of the call table that accompanies the findings in text, markdown and JSON output.
 */
public record SmokeReport(String file, SmokePlan plan, List<SmokeCall> calls) {

    /** The plan's findings and one finding per model block and distinct Bedrock error. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>(plan.findings());
        Map<String, List<SmokeCall>> byBlockAndError = new LinkedHashMap<>();
        for (SmokeCall c : calls) {
            if (c.failed()) {
                String key = c.planned().block().pointer() + "\u0000" + c.errorCode() + "\u0000" + c.errorMessage();
                byBlockAndError.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        for (List<SmokeCall> same : byBlockAndError.values()) {
            SmokeCall first = same.get(0);
            PlannedCall p = first.planned();
            List<String> which = same.stream().map(c -> c.planned().useCase() == null ? "model block " + p.block().name()
                    : "use case " + c.planned().useCase() + (c.planned().costOverride() ? " (cost override)" : "")).toList();
            out.add(Finding.of(Check.SMOKE_CALL_FAILED, file, p.line(), p.column(),
                    "InvokeModel " + p.modelId() + " failed: " + first.errorCode() + ": " + first.errorMessage()
                            + " [" + String.join("; ", which) + "]", hint(first.errorCode())));
        }
        return out;
    }

    static String hint(String code) {
        return switch (code) {
            case "ValidationException" -> "Bedrock refused the request built from this block's own parameters: production requests "
                    + "with them fail the same way";
            case "ResourceNotFoundException" -> "the model is not available here (retired, or not offered in this region): choose another model_id";
            case "Timeout" -> "no answer within --timeout: retry with a longer --timeout, or check the model's latency";
            default -> "the call still failed after the SDK's retries: rerun smoke to see whether it persists";
        };
    }

    public long failures() {
        return calls.stream().filter(SmokeCall::failed).count();
    }

    /** What the calls cost by the tokens the responses report (calls that did not report count as 0). */
    public double costUsd() {
        return calls.stream().mapToDouble(SmokeCall::costUsd).filter(d -> !Double.isNaN(d)).sum();
    }

    public String examined() {
        return calls.size() + (calls.size() == 1 ? " smoke call" : " smoke calls");
    }

    /** {@code 11 calls: 10 ok, 1 failed; slowest 412 ms; cost $0.000431 (worst-case estimate $0.012345)}. */
    public String totals() {
        long slowest = calls.stream().mapToLong(SmokeCall::latencyMs).max().orElse(0);
        return String.format(Locale.ROOT, "%d calls: %d ok, %d failed; slowest %d ms; cost $%.6f (worst-case estimate $%.6f)",
                calls.size(), calls.size() - failures(), failures(), slowest, costUsd(), plan.estimateUsd());
    }

    /** An aligned table, one row per call, then the totals line. */
    public void text(PrintStream out) {
        if (calls.isEmpty()) {
            out.println(totals());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CALL", "MODEL ID", "MAX_TOKENS", "RESULT", "LATENCY", "TOKENS IN/OUT", "COST"});
        for (SmokeCall c : calls) {
            rows.add(new String[]{c.planned().label(), c.planned().modelId(), maxTokens(c.planned()), c.failed() ? "FAIL " + c.errorCode() : "ok",
                    c.latencyMs() + " ms", tokens(c), cost(c)});
        }
        int[] width = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 4; // latency
                String cell = right ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell).append(i < r.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(totals());
    }

    /** A markdown table for CI job summaries, after the findings table of the markdown renderer. */
    public void markdown(PrintStream out) {
        out.println();
        out.println("#### Smoke calls");
        out.println();
        out.println("| call | model id | max_tokens | result | latency | tokens in/out | cost |");
        out.println("|---|---|---:|---|---:|---:|---:|");
        for (SmokeCall c : calls) {
            out.println("| " + cell(c.planned().label()) + " | `" + c.planned().modelId() + "` | " + maxTokens(c.planned()) + " | "
                    + (c.failed() ? "**FAIL** " + c.errorCode() : "ok") + " | " + c.latencyMs() + " ms | " + tokens(c) + " | " + cost(c) + " |");
        }
        out.println();
        out.println(totals());
    }

    /** The {@code calls} array and {@code cost} object added to the JSON report beside {@code findings}. */
    public void json(ObjectNode root) {
        ArrayNode a = root.putArray("calls");
        for (SmokeCall c : calls) {
            PlannedCall p = c.planned();
            ObjectNode o = a.addObject();
            o.put("model", p.block().name()).put("use_case", p.useCase()).put("cost_override", p.costOverride())
                    .put("model_id", p.modelId()).put("line", p.line())
                    .put("max_tokens_document", p.block().maxTokens()).put("max_tokens_sent", p.maxTokensSent())
                    .put("ok", !c.failed()).put("latency_ms", c.latencyMs());
            if (c.failed()) {
                o.put("error_code", c.errorCode()).put("error", c.errorMessage());
            } else {
                o.set("input_tokens", c.usage().input() < 0 ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(c.usage().input()));
                o.set("output_tokens", c.usage().output() < 0 ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(c.usage().output()));
                o.set("cost_usd", Double.isNaN(c.costUsd()) ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(c.costUsd()));
            }
        }
        root.putObject("cost").put("estimate_usd", plan.estimateUsd()).put("actual_usd", costUsd());
    }

    private static String maxTokens(PlannedCall p) {
        if (p.maxTokensSent() == null) {
            return "-";
        }
        return p.capped() ? p.maxTokensSent() + " of " + p.block().maxTokens() : String.valueOf(p.maxTokensSent());
    }

    private static String tokens(SmokeCall c) {
        if (c.failed() || !c.usage().known()) {
            return "-";
        }
        return c.usage().input() + "/" + c.usage().output();
    }

    private static String cost(SmokeCall c) {
        return c.failed() || Double.isNaN(c.costUsd()) ? "-" : String.format(Locale.ROOT, "$%.6f", c.costUsd());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
