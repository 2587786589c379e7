package dev.modelctl.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.finding.Check;
import dev.modelctl.core.finding.Finding;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** SARIF 2.1.0 for GitHub code scanning: one run, rule metadata for the checks that fired, regions per result. */
public final class SarifRenderer implements Renderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void render(Report report, PrintStream out) {
        ObjectNode root = JsonRenderer.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "modelctl");
        driver.put("version", Version.get());
        driver.put("informationUri", "https://github.com/modelctl/modelctl");
        ArrayNode rules = driver.putArray("rules");
        Map<Check, Integer> ruleIndex = new LinkedHashMap<>();
        report.findings().stream().map(Finding::check).distinct().sorted().forEach(check -> {
            ruleIndex.put(check, ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", check.id());
            rule.put("name", camel(check.id()));
            rule.putObject("shortDescription").put("text", check.description());
            rule.putObject("defaultConfiguration").put("level", level(check.defaultSeverity()));
        });
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.check().id());
            result.put("ruleIndex", ruleIndex.get(f.check()));
            result.put("level", level(f.severity()));
            String text = f.message() + (f.hint() == null ? "" : " " + f.hint());
            result.putObject("message").put("text", text);
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.file()));
            if (f.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.line());
                if (f.column() > 0) {
                    region.put("startColumn", f.column());
                }
            }
            if (!f.rules().isEmpty() || !f.witness().isEmpty()) {
                ObjectNode props = result.putObject("properties");
                if (!f.rules().isEmpty()) {
                    ArrayNode ids = props.putArray("rules");
                    f.rules().forEach(ids::add);
                }
                if (!f.witness().isEmpty()) {
                    ObjectNode w = props.putObject("witness");
                    f.witness().forEach(w::put);
                }
            }
        }
        out.println(root.toPrettyString());
    }

    private static String level(dev.modelctl.core.finding.Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** SARIF artifact URIs are URI references with forward slashes; spaces and the like are percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
