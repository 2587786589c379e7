package dev.modelctl.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** One JSON object with a {@code findings} array (docs/validate.md) and a {@code summary}. */
public final class JsonRenderer implements Renderer {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Streamed finding by finding (no tree of the whole report: 100k findings would double the heap); the same bytes
     * as {@code toJson(report).toPrettyString()}.
     */
    @Override
    public void render(Report report, PrintStream out) {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                write(g, f);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("errors", report.count(Severity.ERROR));
            g.writeNumberField("warnings", report.count(Severity.WARNING));
            g.writeNumberField("info", report.count(Severity.INFO));
            g.writeNumberField("exit_code", report.exitCode());
            if (report.examined() != null) {
                g.writeStringField("examined", report.examined());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** One finding as {@link #toJson(Finding)} shapes it: the one home of the finding's JSON form. */
    private static void write(JsonGenerator g, Finding f) throws IOException {
        MAPPER.writeTree(g, toJson(f));
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
