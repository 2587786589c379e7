package dev.modelctl.core.features.scan;

import dev.modelctl.core.features.scan.SourceLexer.Kind;
import dev.modelctl.core.features.scan.SourceLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Environment variables in Terraform (HCL native syntax), from a parse of its blocks, attributes and expressions:
 * Lambda {@code environment { variables = {…} }}, ECS {@code environment = [{ name, value }]} (also inside
 * {@code jsonencode(…)} and JSON heredocs), CodeBuild {@code environment_variable { name value }}, Kubernetes
 * {@code env { name value }}, App Runner {@code runtime_environment_variables = {…}}, Elastic Beanstalk
 * {@code setting} blocks in the application environment namespace. A value that is not a literal
 * ({@code var.model_id}, {@code "${local.x}"}) is kept as written.
 */
final class HclEnv {
    static final Set<String> ENV_KEYS = Set.of("environment", "variables", "environment_variables", "environment_variable",
            "env", "runtime_environment_variables", "environmentVariables");

    /** A parsed expression or body; {@code start}/{@code end} are offsets into the source. */
    private sealed interface Node permits Obj, Tup, Call, Str, Raw {
        int start();

        int end();
    }

    /** An object constructor or a block body; an entry's {@code block} says which. */
    private record Obj(List<Entry> entries, int start, int end) implements Node {
        Entry get(String key) {
            return entries.stream().filter(e -> !e.block() && e.key().equals(key)).findFirst().orElse(null);
        }
    }

    private record Entry(String key, Token keyToken, Node value, boolean block) {
    }

    private record Tup(List<Node> items, int start, int end) implements Node {
    }

    private record Call(String name, List<Node> args, int start, int end) implements Node {
    }

    private record Str(Token token) implements Node {
        public int start() {
            return token.start();
        }

        public int end() {
            return token.end();
        }
    }

    private record Raw(int start, int end) implements Node {
    }

    private final String text;
    private final List<Token> tokens;
    private int p;

    private HclEnv(String text) {
        this.text = text;
        this.tokens = SourceLexer.lex(text, SourceLexer.Syntax.HCL);
    }

    static List<EnvVar> extract(String text, StructuredEnv json) {
        HclEnv parser = new HclEnv(text);
        Obj root = parser.body(null);
        List<EnvVar> out = new ArrayList<>();
        parser.walk(root, json, out);
        return out;
    }

    // ---- parsing ----

    private Token peek(int ahead) {
        return tokens.get(Math.min(p + ahead, tokens.size() - 1));
    }

    /** The current token, moving past it; the final EOF token is never moved past (a truncated file ends there). */
    private Token next() {
        Token t = tokens.get(Math.min(p, tokens.size() - 1));
        if (p < tokens.size() - 1) {
            p++;
        }
        return t;
    }

    /** The end offset of the token before the current one. */
    private int previousEnd() {
        return tokens.get(Math.max(0, Math.min(p, tokens.size()) - 1)).end();
    }

    /** Attributes and blocks up to {@code closer} (or the end of the file for the top level). */
    private Obj body(String closer) {
        List<Entry> entries = new ArrayList<>();
        int start = peek(0).start();
        while (true) {
            Token t = peek(0);
            if (t.kind() == Kind.EOF) {
                break;
            }
            if (closer != null && t.is(closer)) {
                next();
                break;
            }
            if (t.kind() == Kind.NEWLINE || t.is(",")) {
                next();
                continue;
            }
            if (t.kind() == Kind.IDENT || t.kind() == Kind.STRING) {
                Token after = peek(1);
                if (after.is("=") || after.is(":")) {
                    p = Math.min(p + 2, tokens.size() - 1);
                    entries.add(new Entry(keyOf(t), t, expression(true), false));
                    continue;
                }
                if (t.kind() == Kind.IDENT && block(t, entries)) {
                    continue;
                }
            }
            skipLine(closer);
        }
        return new Obj(entries, start, previousEnd());
    }

    /** {@code type "label"… {}}: true when a block was read. */
    private boolean block(Token type, List<Entry> entries) {
        int k = 1;
        while (peek(k).kind() == Kind.IDENT || peek(k).kind() == Kind.STRING) {
            k++;
        }
        if (!peek(k).is("{")) {
            return false;
        }
        p = Math.min(p + k + 1, tokens.size() - 1);
        entries.add(new Entry(type.text(), type, body("}"), true));
        return true;
    }

    /** Recovery: skip to the end of the line without leaving the current body. */
    private void skipLine(String closer) {
        int depth = 0;
        while (true) {
            Token t = peek(0);
            if (t.kind() == Kind.EOF || depth == 0 && (t.kind() == Kind.NEWLINE || closer != null && t.is(closer))) {
                return;
            }
            if (t.is("{") || t.is("[") || t.is("(")) {
                depth++;
            } else if ((t.is("}") || t.is("]") || t.is(")")) && depth > 0) {
                depth--;
            }
            next();
        }
    }

    private Node expression(boolean newlineEnds) {
        while (!newlineEnds && peek(0).kind() == Kind.NEWLINE) {
            next();
        }
        Token first = peek(0);
        Node primary = null;
        if (first.is("{")) {
            next();
            primary = body("}");
            primary = new Obj(((Obj) primary).entries(), first.start(), previousEnd());
        } else if (first.is("[")) {
            next();
            List<Node> items = new ArrayList<>();
            while (!peek(0).is("]") && peek(0).kind() != Kind.EOF) {
                if (peek(0).kind() == Kind.NEWLINE || peek(0).is(",")) {
                    next();
                } else {
                    int before = p;
                    items.add(expression(false));
                    if (p == before) {
                        next(); // a stray token: never loop on it
                    }
                }
            }
            next();
            primary = new Tup(items, first.start(), previousEnd());
        } else if (first.kind() == Kind.STRING) {
            next();
            primary = new Str(first);
        } else if (first.kind() == Kind.IDENT && peek(1).is("(")) {
            p = Math.min(p + 2, tokens.size() - 1);
            List<Node> args = new ArrayList<>();
            while (!peek(0).is(")") && peek(0).kind() != Kind.EOF) {
                if (peek(0).kind() == Kind.NEWLINE || peek(0).is(",")) {
                    next();
                } else {
                    int before = p;
                    args.add(expression(false));
                    if (p == before) {
                        next();
                    }
                }
            }
            next();
            primary = new Call(first.text(), args, first.start(), previousEnd());
        }
        while (!newlineEnds && primary != null && peek(0).kind() == Kind.NEWLINE) {
            next(); // inside brackets line breaks mean nothing
        }
        if (primary != null && ends(peek(0), newlineEnds)) {
            return primary;
        }
        // anything else (references, operators, conditionals, for expressions): keep the source text
        int depth = 0;
        while (true) {
            Token t = peek(0);
            if (t.kind() == Kind.EOF || depth == 0 && ends(t, newlineEnds)) {
                break;
            }
            if (t.is("{") || t.is("[") || t.is("(")) {
                depth++;
            } else if (t.is("}") || t.is("]") || t.is(")")) {
                depth--;
            }
            next();
        }
        return new Raw(first.start(), Math.max(first.start(), previousEnd()));
    }

    private static boolean ends(Token t, boolean newlineEnds) {
        return t.kind() == Kind.EOF || t.is(",") || t.is("}") || t.is("]") || t.is(")") || newlineEnds && t.kind() == Kind.NEWLINE;
    }

    private static String keyOf(Token t) {
        return t.kind() == Kind.STRING && t.value() != null ? t.value() : t.text();
    }

    // ---- finding the variables ----

    private void walk(Node node, StructuredEnv json, List<EnvVar> out) {
        if (node instanceof Obj o) {
            for (Entry e : o.entries()) {
                if (ENV_KEYS.contains(e.key()) || e.block() && e.key().equals("setting") && beanstalkEnvironment((Obj) e.value())) {
                    collect(e.value(), e.block(), out);
                }
                walk(e.value(), json, out);
            }
        } else if (node instanceof Tup t) {
            t.items().forEach(i -> walk(i, json, out));
        } else if (node instanceof Call c) {
            c.args().forEach(a -> walk(a, json, out));
        } else if (node instanceof Str s) {
            heredocJson(s.token(), json, out);
        }
    }

    /** Elastic Beanstalk: {@code setting { namespace = "aws:elasticbeanstalk:application:environment" name value }}. */
    private static boolean beanstalkEnvironment(Obj setting) {
        Entry ns = setting.get("namespace");
        return ns != null && ns.value() instanceof Str s && "aws:elasticbeanstalk:application:environment".equals(s.token().value());
    }

    /**
     * The variables of one env node: a map ({@code variables = {…}}), a {name, value} object or block, or a list of
     * those. A block's own attributes are settings, not variables (CodeBuild's {@code environment { image = … }}).
     */
    private void collect(Node env, boolean block, List<EnvVar> out) {
        if (env instanceof Tup t) {
            t.items().forEach(i -> {
                if (i instanceof Obj o && o.get("name") != null) {
                    collect(o, false, out);
                }
            });
            return;
        }
        if (!(env instanceof Obj o)) {
            return;
        }
        Entry name = o.get("name");
        if (name != null && name.value() instanceof Str s && s.token().value() != null) {
            Entry value = o.get("value");
            Token at = s.token();
            out.add(new EnvVar(s.token().value(), value == null ? "" : valueText(value.value()), at.line(), at.column() + 1,
                    value == null ? at.line() : line(value.value())));
            return;
        }
        if (block) {
            return;
        }
        for (Entry e : o.entries()) {
            if (!e.block() && !ENV_KEYS.contains(e.key())) {
                int column = e.keyToken().column() + (e.keyToken().kind() == Kind.STRING ? 1 : 0);
                out.add(new EnvVar(e.key(), valueText(e.value()), e.keyToken().line(), column, line(e.value())));
            }
        }
    }

    /** {@code container_definitions = <<EOF [ {"environment": [...]} ] EOF}: the JSON inside, at its real lines. */
    private static void heredocJson(Token t, StructuredEnv json, List<EnvVar> out) {
        String content = t.value();
        if (content == null || !t.text().startsWith("<<")) {
            return;
        }
        String trimmed = content.strip();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            return;
        }
        int offset = t.valueLine() - 1;
        for (EnvVar v : json.extract("heredoc.json", content)) {
            out.add(new EnvVar(v.name(), v.value(), v.line() + offset, v.column(), v.valueLine() + offset));
        }
    }

    private String valueText(Node v) {
        if (v instanceof Str s && s.token().value() != null && !s.token().text().startsWith("<<")) {
            return s.token().value();
        }
        return text.substring(v.start(), v.end());
    }

    private int line(Node v) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < v.start(); i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
