package dev.modelctl.core.model.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Globs matched in time linear in the text for a given pattern (a set-of-states simulation, never backtracking), so
 * no pattern from a config or ownership file can stall a commit: {@code "****************z"} costs what {@code "*z"}
 * costs. Two syntaxes, see docs/validate.md "Globs":
 * <ul>
 *   <li>{@link #path} (scan.allow): {@code *} any run without {@code /}, {@code **} any run, {@code ?} one character
 *       but {@code /}, {@code [abc]}/{@code [!a-z]} one of (not {@code /}), {@code {a,b}} alternatives, {@code \}
 *       escapes the next character; the same language as Java's {@code glob:} path matchers.</li>
 *   <li>{@link #ruleId} (ownership rule_patterns): {@code *} any run, {@code ?} one character, everything else
 *       literal.</li>
 * </ul>
 */
public final class Glob {
    /** A pattern that is not a glob; the message says what is wrong and at which character. */
    public static final class SyntaxException extends IllegalArgumentException {
        SyntaxException(String pattern, int index, String problem) {
            super("bad glob '" + pattern + "': " + problem + " at character " + (index + 1));
        }
    }

    private static final int MAX_ALTERNATIVES = 256;

    private enum Kind { LITERAL, ONE, STAR, ANY_RUN, CLASS }

    private record Token(Kind kind, char literal, List<char[]> ranges, boolean negated) {
        boolean accepts(char c, boolean pathMode) {
            return switch (kind) {
                case LITERAL -> c == literal;
                case ONE, STAR -> !pathMode || c != '/';
                case ANY_RUN -> true;
                case CLASS -> (!pathMode || c != '/') && inRanges(c) != negated;
            };
        }

        private boolean inRanges(char c) {
            for (char[] r : ranges) {
                if (c >= r[0] && c <= r[1]) {
                    return true;
                }
            }
            return false;
        }

        boolean repeats() {
            return kind == Kind.STAR || kind == Kind.ANY_RUN;
        }
    }

    private final String pattern;
    private final boolean pathMode;
    private final List<List<Token>> alternatives;

    private Glob(String pattern, boolean pathMode, List<List<Token>> alternatives) {
        this.pattern = pattern;
        this.pathMode = pathMode;
        this.alternatives = alternatives;
    }

    /** A scan.allow path glob; {@link SyntaxException} when malformed. */
    public static Glob path(String pattern) {
        List<List<Token>> alternatives = new ArrayList<>();
        for (String expanded : expandBraces(pattern)) {
            alternatives.add(compilePath(pattern, expanded));
        }
        return new Glob(pattern, true, alternatives);
    }

    /** An ownership rule_pattern: {@code *} and {@code ?}, everything else literal. Never malformed. */
    public static Glob ruleId(String pattern) {
        List<Token> tokens = new ArrayList<>();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> addStar(tokens, Kind.ANY_RUN);
                case '?' -> tokens.add(new Token(Kind.ONE, c, null, false));
                default -> tokens.add(literal(c));
            }
        }
        return new Glob(pattern, false, List.of(tokens));
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        for (List<Token> tokens : alternatives) {
            if (matches(tokens, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(List<Token> tokens, String text) {
        int m = tokens.size();
        BitSet current = new BitSet(m + 1);
        BitSet next = new BitSet(m + 1);
        current.set(0);
        close(tokens, current);
        for (int i = 0; i < text.length() && !current.isEmpty(); i++) {
            char c = text.charAt(i);
            next.clear();
            for (int s = current.nextSetBit(0); s >= 0 && s < m; s = current.nextSetBit(s + 1)) {
                Token t = tokens.get(s);
                if (t.accepts(c, pathMode)) {
                    next.set(t.repeats() ? s : s + 1);
                }
            }
            close(tokens, next);
            BitSet swap = current;
            current = next;
            next = swap;
        }
        return current.get(m);
    }

    /** A star may match nothing: being before it means being after it too. */
    private static void close(List<Token> tokens, BitSet states) {
        for (int s = 0; s < tokens.size(); s++) {
            if (states.get(s) && tokens.get(s).repeats()) {
                states.set(s + 1);
            }
        }
    }

    private static Token literal(char c) {
        return new Token(Kind.LITERAL, c, null, false);
    }

    /** Consecutive stars collapse to one: {@code ***} is {@code **}, and {@code **} absorbs {@code *}. */
    private static void addStar(List<Token> tokens, Kind kind) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).repeats()) {
            Token last = tokens.get(tokens.size() - 1);
            if (kind == Kind.ANY_RUN && last.kind() == Kind.STAR) {
                tokens.set(tokens.size() - 1, new Token(Kind.ANY_RUN, '*', null, false));
            }
            return;
        }
        tokens.add(new Token(kind, '*', null, false));
    }

    private static List<Token> compilePath(String original, String p) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= p.length()) {
                        throw new SyntaxException(original, i, "'\\' at the end");
                    }
                    tokens.add(literal(p.charAt(i + 1)));
                    i += 2;
                }
                case '*' -> {
                    boolean doubled = i + 1 < p.length() && p.charAt(i + 1) == '*';
                    addStar(tokens, doubled ? Kind.ANY_RUN : Kind.STAR);
                    i += doubled ? 2 : 1;
                }
                case '?' -> {
                    tokens.add(new Token(Kind.ONE, c, null, false));
                    i++;
                }
                case '[' -> i = compileClass(original, p, i, tokens);
                default -> {
                    tokens.add(literal(c));
                    i++;
                }
            }
        }
        return tokens;
    }

    private static int compileClass(String original, String p, int start, List<Token> tokens) {
        int i = start + 1;
        boolean negated = i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^');
        if (negated) {
            i++;
        }
        List<char[]> ranges = new ArrayList<>();
        boolean first = true;
        while (i < p.length() && (p.charAt(i) != ']' || first)) {
            char lo = p.charAt(i);
            if (lo == '\\' && i + 1 < p.length()) {
                lo = p.charAt(++i);
            }
            char hi = lo;
            if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                hi = p.charAt(i + 2);
                if (hi < lo) {
                    throw new SyntaxException(original, i, "invalid range " + lo + "-" + hi);
                }
                i += 2;
            }
            ranges.add(new char[]{lo, hi});
            first = false;
            i++;
        }
        if (i >= p.length()) {
            throw new SyntaxException(original, start, "'[' without a closing ']'");
        }
        tokens.add(new Token(Kind.CLASS, '[', List.copyOf(ranges), negated));
        return i + 1;
    }

    /** {@code a{b,c}d{e,f}} → {@code abde, abdf, acde, acdf}; braces do not nest (as in Java's globs). */
    private static List<String> expandBraces(String p) {
        List<String> out = new ArrayList<>();
        out.add("");
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                append(out, p.substring(i, i + 2));
                i += 2;
            } else if (c == '[') {
                int end = classEnd(p, i);
                append(out, p.substring(i, end));
                i = end;
            } else if (c == '{') {
                int close = -1;
                List<String> options = new ArrayList<>();
                StringBuilder option = new StringBuilder();
                for (int j = i + 1; j < p.length(); j++) {
                    char d = p.charAt(j);
                    if (d == '\\' && j + 1 < p.length()) {
                        option.append(d).append(p.charAt(++j));
                    } else if (d == '{') {
                        throw new SyntaxException(p, j, "nested '{'");
                    } else if (d == ',') {
                        options.add(option.toString());
                        option.setLength(0);
                    } else if (d == '}') {
                        options.add(option.toString());
                        close = j;
                        break;
                    } else {
                        option.append(d);
                    }
                }
                if (close < 0) {
                    throw new SyntaxException(p, i, "'{' without a closing '}'");
                }
                List<String> product = new ArrayList<>();
                for (String prefix : out) {
                    for (String o : options) {
                        product.add(prefix + o);
                    }
                }
                if (product.size() > MAX_ALTERNATIVES) {
                    throw new SyntaxException(p, i, "more than " + MAX_ALTERNATIVES + " alternatives");
                }
                out = product;
                i = close + 1;
            } else {
                append(out, String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    /** The index after a character class starting at {@code start}, or the end of the pattern (compile reports it). */
    private static int classEnd(String p, int start) {
        int i = start + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        boolean first = true;
        while (i < p.length() && (p.charAt(i) != ']' || first)) {
            if (p.charAt(i) == '\\') {
                i++;
            }
            first = false;
            i++;
        }
        return Math.min(i + 1, p.length());
    }

    private static void append(List<String> out, String s) {
        out.replaceAll(prefix -> prefix + s);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
