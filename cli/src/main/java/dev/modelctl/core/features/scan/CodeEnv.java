package dev.modelctl.core.features.scan;

import dev.modelctl.core.features.scan.SourceLexer.Kind;
import dev.modelctl.core.features.scan.SourceLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Environment variables in CDK code, found on the token stream (comments and strings never confuse it):
 * {@code environment: {K: v}} (TypeScript/JavaScript), {@code environment={"K": v}} and {@code environment=dict(K=v)}
 * (Python), {@code .environment(Map.of("K", v))} (Java), {@code environment(mapOf("K" to v))} (Kotlin),
 * {@code environmentVariables: {K: {value: v}}} (CodeBuild), and {@code addEnvironment("K", v)} /
 * {@code add_environment("K", v)}. A value that is not a string literal ({@code props.modelId}) is kept as written.
 */
final class CodeEnv {
    private static final Set<String> MAP_PROPERTIES = Set.of("environment", "environmentVariables", "environment_variables");
    private static final Set<String> ADD_CALLS = Set.of("addEnvironment", "add_environment");

    private final String text;
    private final List<Token> t;
    private final List<EnvVar> out = new ArrayList<>();

    private CodeEnv(String text, boolean python) {
        this.text = text;
        this.t = SourceLexer.lex(text, python ? SourceLexer.Syntax.PYTHON : SourceLexer.Syntax.C_LIKE);
    }

    static List<EnvVar> extract(String text, boolean python) {
        CodeEnv c = new CodeEnv(text, python);
        c.run();
        return c.out;
    }

    private void run() {
        for (int i = 0; i + 1 < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.kind() != Kind.IDENT) {
                continue;
            }
            Token next = t.get(i + 1);
            if (MAP_PROPERTIES.contains(tok.text()) && (next.is(":") || next.is("=") || next.is("("))) {
                map(i + 2);
            } else if (ADD_CALLS.contains(tok.text()) && next.is("(")) {
                List<int[]> args = args(i + 1);
                if (args.size() == 2) {
                    pair(args.get(0), args.get(1));
                }
            }
        }
    }

    /** The map expression starting at token {@code j}: an object/dict literal or a map-building call. */
    private void map(int j) {
        if (j >= t.size()) {
            return;
        }
        Token first = t.get(j);
        if (first.is("{")) {
            objectLiteral(j);
            return;
        }
        int k = j; // a (dotted) call name: dict, Map.of, ImmutableMap.of, mapOf, Map.ofEntries
        StringBuilder name = new StringBuilder();
        while (k + 1 < t.size() && t.get(k).kind() == Kind.IDENT) {
            name.append(t.get(k).text());
            if (t.get(k + 1).is(".")) {
                name.append('.');
                k += 2;
            } else {
                k++;
                break;
            }
        }
        if (k >= t.size() || !t.get(k).is("(")) {
            return;
        }
        String call = name.toString();
        List<int[]> args = args(k);
        if (call.equals("dict")) {
            for (int[] a : args) { // K=v keyword arguments
                if (a[1] - a[0] >= 3 && t.get(a[0]).kind() == Kind.IDENT && t.get(a[0] + 1).is("=")) {
                    pair(new int[]{a[0], a[0] + 1}, new int[]{a[0] + 2, a[1]});
                }
            }
        } else if (call.endsWith("Map.of") || call.equals("Map.of")) {
            for (int a = 0; a + 1 < args.size(); a += 2) {
                pair(args.get(a), args.get(a + 1));
            }
        } else if (call.equals("mapOf") || call.equals("hashMapOf") || call.equals("mutableMapOf")) {
            for (int[] a : args) { // "K" to v
                for (int m = a[0]; m < a[1]; m++) {
                    if (t.get(m).kind() == Kind.IDENT && t.get(m).text().equals("to") && m > a[0]) {
                        pair(new int[]{a[0], m}, new int[]{m + 1, a[1]});
                        break;
                    }
                }
            }
        } else if (call.endsWith("ofEntries")) {
            for (int[] a : args) { // Map.entry("K", v)
                int open = a[0];
                while (open < a[1] && !t.get(open).is("(")) {
                    open++;
                }
                if (open < a[1]) {
                    List<int[]> kv = args(open);
                    if (kv.size() == 2) {
                        pair(kv.get(0), kv.get(1));
                    }
                }
            }
        }
    }

    /** {@code { K: v, "K2": v2, K3 }} (TypeScript/JavaScript objects and Python dicts). */
    private void objectLiteral(int open) {
        int i = open + 1;
        while (i < t.size() && !t.get(i).is("}") && t.get(i).kind() != Kind.EOF) {
            int end = until(i, ",", "}");
            Token key = t.get(i);
            if ((key.kind() == Kind.IDENT || key.kind() == Kind.STRING) && i + 1 < end && t.get(i + 1).is(":")) {
                int valueStart = i + 2;
                // CodeBuild: {K: {value: v, type: …}}: the variable's value is the inner `value`
                if (valueStart < end && t.get(valueStart).is("{")) {
                    for (int m = valueStart + 1; m + 1 < end; m++) {
                        if (t.get(m).text().equals("value") && t.get(m + 1).is(":")) {
                            pair(new int[]{i, i + 1}, new int[]{m + 2, until(m + 2, ",", "}")});
                            break;
                        }
                    }
                } else {
                    pair(new int[]{i, i + 1}, new int[]{valueStart, end});
                }
            } else if (key.kind() == Kind.IDENT && end == i + 1) {
                pair(new int[]{i, i + 1}, new int[]{i, i + 1}); // shorthand { MODEL_ID }
            }
            i = next(i, end);
        }
    }

    /**
     * Where the next entry starts after one that began at {@code i} and ended at {@code end}: past its separator, and
     * always past {@code i} (a stray closer such as the ']' of a half-edited {@code {]} would otherwise be met forever).
     */
    private int next(int i, int end) {
        int after = end < t.size() && t.get(end).is(",") ? end + 1 : end;
        return Math.max(after, i + 1);
    }

    /** The top-level arguments of the call whose '(' is at {@code open}, as token ranges [from, to). */
    private List<int[]> args(int open) {
        List<int[]> out = new ArrayList<>();
        int i = open + 1;
        while (i < t.size() && !t.get(i).is(")") && t.get(i).kind() != Kind.EOF) {
            int end = until(i, ",", ")");
            if (end > i) {
                out.add(new int[]{i, end});
            }
            i = next(i, end);
        }
        return out;
    }

    /** The index of the first {@code sep} or {@code close} at bracket depth 0 from {@code i}. */
    private int until(int i, String sep, String close) {
        int depth = 0;
        for (; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.EOF) {
                return i;
            }
            if (depth == 0 && (k.is(sep) || k.is(close))) {
                return i;
            }
            if (k.is("{") || k.is("(") || k.is("[")) {
                depth++;
            } else if (k.is("}") || k.is(")") || k.is("]")) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return i;
    }

    /** One variable: a key range holding one name token, a value range holding an expression. */
    private void pair(int[] key, int[] value) {
        if (key[1] - key[0] != 1 || value[1] <= value[0]) {
            return;
        }
        Token k = t.get(key[0]);
        String name = k.kind() == Kind.STRING ? k.value() : k.kind() == Kind.IDENT ? k.text() : null;
        if (name == null || name.isEmpty()) {
            return;
        }
        Token v = t.get(value[0]);
        String valueText = value[1] - value[0] == 1 && v.kind() == Kind.STRING && v.value() != null
                ? v.value() : text.substring(v.start(), t.get(value[1] - 1).end());
        out.add(new EnvVar(name, valueText, k.line(), k.column() + (k.kind() == Kind.STRING ? 1 : 0), v.line()));
    }
}
