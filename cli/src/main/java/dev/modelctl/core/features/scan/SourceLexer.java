package dev.modelctl.core.features.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * A small tokenizer for the languages the env-var finders read (Terraform HCL, TypeScript/JavaScript, Python, Java,
 * Kotlin): identifiers, strings (escapes, {@code ${…}} templates, triple quotes, backticks, heredocs), numbers and
 * punctuation, with comments skipped and 1-based positions kept. Enough to find structure reliably, not to compile.
 */
final class SourceLexer {
    enum Kind { IDENT, STRING, NUMBER, PUNCT, NEWLINE, EOF }

    /**
     * A token. For a STRING, {@code value} is its decoded content when it is a plain literal, or {@code null} when it
     * interpolates ({@code "${var.x}"}, a template literal with {@code ${}}); {@code valueLine} is the line its
     * content starts on (the line after {@code <<EOF} for a heredoc).
     */
    record Token(Kind kind, String text, String value, int line, int column, int start, int end, int valueLine) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    /** Which syntax to expect. */
    record Syntax(boolean hashComments, boolean slashComments, boolean newlines, boolean heredocs, boolean tripleQuotes,
                  boolean backticks, boolean singleQuotes, boolean dashInIdentifiers) {
        static final Syntax HCL = new Syntax(true, true, true, true, false, false, false, true);
        static final Syntax PYTHON = new Syntax(true, false, false, false, true, false, true, false);
        static final Syntax C_LIKE = new Syntax(false, true, false, false, true, true, true, false); // TS/JS/Java/Kotlin
    }

    private final String s;
    private final Syntax syntax;
    private final List<Token> out = new ArrayList<>();
    private int i;
    private int line = 1;
    private int lineStart;

    private SourceLexer(String s, Syntax syntax) {
        this.s = s;
        this.syntax = syntax;
    }

    static List<Token> lex(String text, Syntax syntax) {
        SourceLexer l = new SourceLexer(text, syntax);
        l.run();
        return l.out;
    }

    private void run() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (syntax.newlines()) {
                    add(Kind.NEWLINE, i, i + 1, null, line);
                }
                newline(i + 1);
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' && syntax.hashComments() || c == '/' && syntax.slashComments() && peek(1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && syntax.slashComments() && peek(1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                countLines(i, end);
                i = end;
            } else if (c == '"' || c == '\'' && syntax.singleQuotes() || c == '`' && syntax.backticks()) {
                string(c);
            } else if (c == '<' && syntax.heredocs() && peek(1) == '<' && (Character.isLetter(peek(2)) || peek(2) == '-')) {
                heredoc();
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
                        || s.charAt(i) == '-' && syntax.dashInIdentifiers())) {
                    i++;
                }
                add(Kind.IDENT, start, i, null, line);
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                    i++;
                }
                add(Kind.NUMBER, start, i, null, line);
            } else {
                int start = i;
                i += c == '=' && (peek(1) == '=' || peek(1) == '>') ? 2 : 1;
                add(Kind.PUNCT, start, i, null, line);
            }
        }
        add(Kind.EOF, n, n, null, line);
    }

    private void string(char quote) {
        int start = i;
        int startLine = line;
        int startColumn = i - lineStart + 1;
        boolean triple = syntax.tripleQuotes() && quote != '`' && s.startsWith(String.valueOf(quote).repeat(3), i);
        String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        i += close.length();
        StringBuilder value = new StringBuilder();
        boolean literal = true;
        int n = s.length();
        while (i < n && !s.startsWith(close, i)) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
                i += 2;
            } else if ((c == '$' || c == '%' && syntax.heredocs()) && i + 1 < n && s.charAt(i + 1) == '{' && quote != '\'') {
                literal = false; // ${…} interpolation (HCL also %{…} directives)
                int depth = 0;
                for (; i < n; i++) {
                    char t = s.charAt(i);
                    if (t == '{') {
                        depth++;
                    } else if (t == '}' && --depth == 0) {
                        i++;
                        break;
                    } else if (t == '\n') {
                        newline(i + 1);
                    }
                }
            } else if (c == '\n' && !triple && quote != '`') {
                break; // an unterminated string ends with its line
            } else {
                if (c == '\n') {
                    newline(i + 1);
                }
                value.append(c);
                i++;
            }
        }
        i = Math.min(n, i + (i < n && s.startsWith(close, i) ? close.length() : 0));
        out.add(new Token(Kind.STRING, s.substring(start, i), literal ? value.toString() : null, startLine, startColumn, start, i, startLine));
    }

    /** HCL heredoc: {@code <<EOF} or {@code <<-EOF}, content up to the line holding only the marker. */
    private void heredoc() {
        int start = i;
        int startLine = line;
        int startColumn = i - lineStart + 1;
        int m = i + 2 + (peek(2) == '-' ? 1 : 0);
        int markerEnd = m;
        while (markerEnd < s.length() && (Character.isLetterOrDigit(s.charAt(markerEnd)) || s.charAt(markerEnd) == '_')) {
            markerEnd++;
        }
        String marker = s.substring(m, markerEnd);
        int contentStart = s.indexOf('\n', markerEnd);
        if (marker.isEmpty() || contentStart < 0) {
            i = markerEnd;
            add(Kind.PUNCT, start, i, null, line);
            return;
        }
        contentStart++;
        newline(contentStart);
        int p = contentStart;
        int contentEnd = s.length();
        i = s.length(); // unterminated (a half-edited file): the heredoc runs to the end, unless its marker line is found
        while (p < s.length()) {
            int eol = s.indexOf('\n', p);
            int end = eol < 0 ? s.length() : eol;
            if (s.substring(p, end).strip().equals(marker)) {
                contentEnd = p;
                i = end;
                break;
            }
            if (eol < 0) {
                i = s.length();
                break;
            }
            newline(eol + 1);
            p = eol + 1;
        }
        out.add(new Token(Kind.STRING, s.substring(start, i), s.substring(contentStart, contentEnd), startLine, startColumn, start, i, startLine + 1));
    }

    private void add(Kind kind, int start, int end, String value, int atLine) {
        out.add(new Token(kind, s.substring(start, end), value, atLine, start - lineStart + 1, start, end, atLine));
    }

    private void newline(int next) {
        line++;
        lineStart = next;
    }

    private void countLines(int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                newline(k + 1);
            }
        }
    }

    private char peek(int ahead) {
        return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
    }
}
