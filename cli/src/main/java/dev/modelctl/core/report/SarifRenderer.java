package dev.modelctl.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelctl.core.base.finding.Check;
import dev.modelctl.core.base.finding.Finding;
import dev.modelctl.core.base.finding.Fingerprints;
import dev.modelctl.core.base.finding.Severity;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning (docs/ci.md): one run, rule metadata with help for the checks that fired,
 * artifact URIs relative to the repository root ({@code %SRCROOT%}) or absolute {@code file://} URIs outside it,
 * line-independent {@code partialFingerprints}, and the finding's rules, witness and properties as result properties.
 */
public final class SarifRenderer implements Renderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT = "modelctl/v1";
    static final String INFORMATION_URI = "https://github.com/modelctl/modelctl";

    private final Path sourceRoot;
    private final Path cwd;

    /**
     * @param sourceRoot the repository root relative URIs are resolved against
     * @param cwd        the directory relative file names in findings are relative to
     */
    public SarifRenderer(Path sourceRoot, Path cwd) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    @Override
    public void render(Report report, PrintStream out) {
        ObjectNode root = JsonRenderer.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "modelctl");
        // the multitool wants a version-like string (SARIF2005): a build from classes reports 0.0.0-dev
        driver.put("version", Version.get().equals("dev") ? "0.0.0-dev" : Version.get());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<Check, Integer> ruleIndex = new LinkedHashMap<>();
        report.findings().stream().map(Finding::check).distinct().sorted().forEach(check -> {
            ruleIndex.put(check, ruleIndex.size());
            rules.add(rule(check));
        });
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", directoryUri(sourceRoot));
        ArrayNode results = run.putArray("results");
        List<String> fingerprints = Fingerprints.of(report.findings());
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            ObjectNode result = results.addObject();
            result.put("ruleId", f.check().id());
            result.put("ruleIndex", ruleIndex.get(f.check()));
            result.put("level", level(f.severity()));
            String text = f.message() + (f.hint() == null ? "" : " " + f.hint());
            result.putObject("message").put("text", text);
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            artifactLocation(f.file(), physical.putObject("artifactLocation"));
            // code scanning requires a startLine: a finding about the whole file is shown at its first line
            ObjectNode region = physical.putObject("region");
            region.put("startLine", Math.max(1, f.line()));
            if (f.line() > 0 && f.column() > 0) {
                region.put("startColumn", f.column());
            }
            result.putObject("partialFingerprints").put(FINGERPRINT, fingerprints.get(i));
            if (!f.rules().isEmpty() || !f.witness().isEmpty() || !f.properties().isEmpty()) {
                ObjectNode props = result.putObject("properties");
                if (!f.rules().isEmpty()) {
                    ArrayNode ids = props.putArray("rules");
                    f.rules().forEach(ids::add);
                }
                if (!f.witness().isEmpty()) {
                    ObjectNode w = props.putObject("witness");
                    f.witness().forEach(w::put);
                }
                f.properties().forEach((name, value) -> props.set(name, JsonRenderer.MAPPER.valueToTree(value)));
            }
        }
        out.println(root.toPrettyString());
    }

    private static ObjectNode rule(Check check) {
        ObjectNode rule = JsonRenderer.MAPPER.createObjectNode();
        rule.put("id", check.id());
        // a rule's name must differ from its id, also in case (SARIF1001): "generalization" is named GeneralizationCheck
        String name = camel(check.id());
        rule.put("name", name.equalsIgnoreCase(check.id()) ? name + "Check" : name);
        rule.putObject("shortDescription").put("text", check.description());
        // code scanning requires fullDescription (the multitool's GitHub rule GH2012)
        rule.putObject("fullDescription").put("text", check.description() + " Reported by " + check.family().runsIn() + ".");
        String helpUri = INFORMATION_URI + "#commands"; // the README section that lists every check id
        ObjectNode help = rule.putObject("help");
        help.put("text", check.id() + ": " + check.description() + " Every check id is described at " + helpUri);
        help.put("markdown", "**" + check.id() + "** (" + check.defaultSeverity().label() + " by default): " + check.description()
                + "\n\nSee [the check ids](" + helpUri + ").");
        rule.put("helpUri", helpUri);
        rule.putObject("defaultConfiguration").put("level", level(check.defaultSeverity()));
        rule.putObject("properties").putArray("tags").add("modelctl");
        return rule;
    }

    /** Relative to the source root with {@code uriBaseId}, or an absolute {@code file://} URI for files outside it. */
    private void artifactLocation(String file, ObjectNode location) {
        Path abs;
        try {
            abs = cwd.resolve(file).normalize();
        } catch (InvalidPathException e) {
            location.put("uri", uri(file));
            location.put("uriBaseId", SRCROOT);
            return;
        }
        if (abs.startsWith(sourceRoot)) {
            location.put("uri", uri(sourceRoot.relativize(abs).toString()));
            location.put("uriBaseId", SRCROOT);
        } else {
            location.put("uri", abs.toUri().toString());
        }
    }

    private static String directoryUri(Path dir) {
        String u = dir.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    private static String level(Severity severity) {
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
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
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
