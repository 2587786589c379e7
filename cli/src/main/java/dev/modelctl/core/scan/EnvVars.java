package dev.modelctl.core.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelctl.core.doc.DocumentLoader;
import dev.modelctl.core.doc.Position;
import dev.modelctl.core.doc.SourceDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds environment variables where deployment files set them, by parsing each format: YAML/JSON (serverless.yml,
 * SAM/CloudFormation, docker-compose map and list forms, Kubernetes {@code env: - name/value}, GitHub workflow
 * {@code env:}, ECS task definitions), Dockerfile {@code ENV} (both syntaxes), {@code .env} files, Terraform
 * {@code environment}/{@code variables} blocks and CDK code ({@code environment: {...}}, {@code Map.of(...)},
 * {@code addEnvironment(...)}).
 */
public final class EnvVars {
    /** Keys under which YAML/JSON formats hold environment variables. */
    static final Set<String> ENV_KEYS = Set.of("env", "environment", "Environment", "Variables", "variables", "environmentVariables", "EnvironmentVariables");
    private static final Pattern DOTENV = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");
    private static final Pattern DOCKER_ENV = Pattern.compile("^\\s*ENV\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_EQ_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S*)");
    private static final Pattern HCL_BLOCK = Pattern.compile("\\b(environment|variables|environment_variables|env)\\s*=?\\s*[\\[{]");
    private static final Pattern HCL_PAIR = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HCL_NAME_VALUE = Pattern.compile("name\\s*=\\s*\"([^\"]*)\"\\s*,?\\s*value\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern CODE_ENV_START = Pattern.compile("\\benvironment\\s*[:=(]\\s*(?:Map\\.of\\(|\\{|dict\\()");
    private static final Pattern CODE_PAIR = Pattern.compile("[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?\\s*[:=,]\\s*[\"']([^\"'\\n]*)[\"']");
    private static final Pattern ADD_ENVIRONMENT = Pattern.compile("add_?[Ee]nvironment\\(\\s*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']\\s*,\\s*[\"']([^\"']*)[\"']");

    private final DocumentLoader loader;

    public EnvVars(long maxBytes) {
        this.loader = new DocumentLoader(maxBytes);
    }

    /**
     * Whether a variable name is one of the model-selecting kinds: the globs {@code *MODEL*}, {@code *FM_ID*},
     * {@code *BEDROCK*}, case-sensitive like any glob (environment variable names are upper case by convention).
     */
    public static boolean isModelKey(String name) {
        return name.contains("MODEL") || name.contains("FM_ID") || name.contains("BEDROCK");
    }

    /**
     * Cheap pre-filter on the raw bytes: a format that can set env vars, a word that introduces them in that format,
     * and a byte sequence that can be part of a model key name. Most source files fail it and are never decoded.
     */
    public static boolean mayHaveModelKeys(String path, byte[] bytes) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> introducers;
        if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
            introducers = List.of("=");
        } else if (name.contains("dockerfile") || name.equals("containerfile")) {
            introducers = List.of("ENV", "env");
        } else if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json") || name.endsWith(".template")) {
            // the env blocks these formats have are mapping keys: `env:`, `environment:`, `Variables:`, or quoted in JSON
            introducers = List.of("env:", "nvironment:", "ariables:", "\"env\"", "nvironment\"", "ariables\"", "nvironmentVariables");
        } else if (name.endsWith(".tf") || name.endsWith(".hcl")) {
            introducers = List.of("nvironment", "ariables", "env");
        } else if (name.endsWith(".ts") || name.endsWith(".js") || name.endsWith(".py") || name.endsWith(".java") || name.endsWith(".kt")) {
            introducers = List.of("nvironment");
        } else {
            return false;
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return introducers.stream().anyMatch(latin1::contains) && KEY_WORDS.stream().anyMatch(latin1::contains);
    }

    /** What a model key name must contain (see {@link #isModelKey}). */
    private static final List<String> KEY_WORDS = List.of("MODEL", "FM_ID", "BEDROCK");

    public List<EnvVar> extract(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")) {
            return dotenv(text);
        }
        if (lower.equals("dockerfile") || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower.equals("containerfile")) {
            return dockerfile(text);
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json") || lower.endsWith(".template")) {
            return structured(path, text);
        }
        if (lower.endsWith(".tf") || lower.endsWith(".tf.json") || lower.endsWith(".hcl")) {
            return terraform(text);
        }
        if (lower.endsWith(".ts") || lower.endsWith(".js") || lower.endsWith(".py") || lower.endsWith(".java") || lower.endsWith(".kt")) {
            return code(text);
        }
        return List.of();
    }

    private static List<EnvVar> dotenv(String text) {
        List<EnvVar> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DOTENV.matcher(lines[i]);
            if (m.matches() && !lines[i].trim().startsWith("#")) {
                String v = m.group(2).trim();
                if (!v.startsWith("\"") && !v.startsWith("'")) {
                    int hash = v.indexOf(" #");
                    v = hash >= 0 ? v.substring(0, hash).trim() : v;
                }
                out.add(new EnvVar(m.group(1), unquote(v), i + 1, m.start(1) + 1));
            }
        }
        return out;
    }

    private static List<EnvVar> dockerfile(String text) {
        List<EnvVar> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DOCKER_ENV.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int startLine = i;
            StringBuilder args = new StringBuilder(m.group(1));
            while (args.toString().endsWith("\\") && i + 1 < lines.length) { // continuation lines
                args.setLength(args.length() - 1);
                args.append(' ').append(lines[++i].trim());
            }
            String a = args.toString().trim();
            int column = m.start(1) + 1;
            String first = a.split("\\s+", 2)[0];
            if (first.contains("=")) { // ENV KEY=VALUE [KEY=VALUE ...]
                Matcher kv = KEY_EQ_VALUE.matcher(a);
                while (kv.find()) {
                    out.add(new EnvVar(kv.group(1), unquote(kv.group(2)), startLine + 1, startLine == i ? column + kv.start() : column));
                }
            } else { // ENV KEY VALUE
                String[] parts = a.split("\\s+", 2);
                out.add(new EnvVar(parts[0], parts.length > 1 ? unquote(parts[1].trim()) : "", startLine + 1, column));
            }
        }
        return out;
    }

    private List<EnvVar> structured(String path, String text) {
        List<EnvVar> out = new ArrayList<>();
        for (SourceDocument doc : loader.parseAll(text.getBytes(StandardCharsets.UTF_8), path)) {
            if (doc.root() != null) {
                walk(doc, doc.root(), "", out);
            }
        }
        return out;
    }

    private static void walk(SourceDocument doc, JsonNode node, String pointer, List<EnvVar> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = pointer + "/" + SourceDocument.escape(e.getKey());
                if (ENV_KEYS.contains(e.getKey())) {
                    collect(doc, e.getValue(), child, out);
                }
                walk(doc, e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** The variables of one {@code env}/{@code environment} node: a map, a list of "K=V", or a list of {name, value}. */
    private static void collect(SourceDocument doc, JsonNode env, String pointer, List<EnvVar> out) {
        if (env.isObject()) {
            env.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    Position p = doc.keyAt(pointer + "/" + SourceDocument.escape(e.getKey()));
                    out.add(new EnvVar(e.getKey(), e.getValue().asText(), p.line(), p.column()));
                }
            });
        } else if (env.isArray()) {
            for (int i = 0; i < env.size(); i++) {
                JsonNode item = env.get(i);
                Position p = doc.valueAt(pointer + "/" + i);
                if (item.isTextual() && item.asText().contains("=")) {
                    String s = item.asText();
                    int eq = s.indexOf('=');
                    out.add(new EnvVar(s.substring(0, eq).trim(), s.substring(eq + 1).trim(), p.line(), p.column()));
                } else if (item.isObject() && item.path("name").isTextual()) {
                    Position np = doc.valueAt(pointer + "/" + i + "/name");
                    out.add(new EnvVar(item.get("name").asText(), item.path("value").isValueNode() ? item.path("value").asText() : "", np.line(), np.column()));
                }
            }
        }
    }

    private static List<EnvVar> terraform(String text) {
        List<EnvVar> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int depth = 0;
        int blockDepth = -1; // brace depth at which the current env block closes
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            Matcher start = HCL_BLOCK.matcher(code);
            boolean opens = blockDepth < 0 && start.find();
            if (blockDepth >= 0 || opens) {
                String body = opens ? code.substring(start.end()) : code;
                int offset = opens ? start.end() : 0;
                Matcher nv = HCL_NAME_VALUE.matcher(body);
                boolean any = false;
                while (nv.find()) {
                    out.add(new EnvVar(nv.group(1), nv.group(2), i + 1, offset + nv.start(1) + 1));
                    any = true;
                }
                if (!any) {
                    Matcher kv = HCL_PAIR.matcher(body);
                    while (kv.find()) {
                        out.add(new EnvVar(kv.group(1), kv.group(2), i + 1, offset + kv.start(1) + 1));
                    }
                }
            }
            for (int c = 0; c < code.length(); c++) {
                char ch = code.charAt(c);
                if (ch == '{' || ch == '[') {
                    depth++;
                    if (opens && blockDepth < 0 && c >= start.end() - 1) {
                        blockDepth = depth;
                    }
                } else if (ch == '}' || ch == ']') {
                    if (depth == blockDepth) {
                        blockDepth = -1;
                    }
                    depth--;
                }
            }
        }
        return out;
    }

    private static List<EnvVar> code(String text) {
        List<EnvVar> out = new ArrayList<>();
        if (!text.contains("nvironment")) {
            return out; // the regexes below scan every position: skip the (usual) file that sets no environment
        }
        Matcher start = CODE_ENV_START.matcher(text);
        while (start.find()) {
            int end = closing(text, start.end() - 1);
            Matcher pair = CODE_PAIR.matcher(text.substring(start.end(), end));
            while (pair.find()) {
                int at = start.end() + pair.start(1);
                out.add(new EnvVar(pair.group(1), pair.group(2), lineOf(text, at), columnOf(text, at)));
            }
        }
        Matcher add = ADD_ENVIRONMENT.matcher(text);
        while (add.find()) {
            out.add(new EnvVar(add.group(1), add.group(2), lineOf(text, add.start(1)), columnOf(text, add.start(1))));
        }
        return out;
    }

    /** Index of the bracket closing the one at {@code open} (or the end of the text). */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return text.length();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int index) {
        return index - text.lastIndexOf('\n', index - 1);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
