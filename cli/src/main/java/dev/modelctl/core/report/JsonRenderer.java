package dev.modelctl.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.finding.Finding;
import dev.modelctl.core.finding.Severity;

import java.io.PrintStream;

/** One JSON object with a {@code findings} array (SPEC §3) and a {@code summary}. */
public final class JsonRenderer implements Renderer {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void render(Report report, PrintStream out) {
        out.println(toJson(report).toPrettyString());
    }

    public static ObjectNode toJson(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            findings.add(toJson(f));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("info", report.count(Severity.INFO));
        summary.put("exit_code", report.exitCode());
        if (report.examined() != null) {
            summary.put("examined", report.examined());
        }
        return root;
    }

    public static ObjectNode toJson(Finding f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("check", f.check().id());
        o.put("severity", f.severity().label());
        o.put("file", f.file());
        o.put("line", f.line());
        o.put("column", f.column());
        o.put("message", f.message());
        if (f.hint() != null) {
            o.put("hint", f.hint());
        }
        if (!f.rules().isEmpty()) {
            ArrayNode rules = o.putArray("rules");
            f.rules().forEach(rules::add);
        }
        if (!f.witness().isEmpty()) {
            ObjectNode witness = o.putObject("witness");
            f.witness().forEach(witness::put);
        }
        f.properties().forEach((name, value) -> o.set(name, MAPPER.valueToTree(value)));
        return o;
    }
}
