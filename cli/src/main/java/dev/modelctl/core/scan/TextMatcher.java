package dev.modelctl.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Runs the rules over a file's bytes. The bytes are viewed as Latin-1 (a copy, not a decode) so the keyword
 * pre-filter is the JVM's vectorised {@code String.indexOf}; only lines that contain a keyword meet a regex, and only
 * lines with a match are decoded as UTF-8 (for the column). Overlapping matches keep the longest (an ARN over the
 * model ID inside it).
 */
public final class TextMatcher {
    private final List<ScanRule> rules;
    private final List<KeywordGroup> groups;

    /**
     * Keywords sharing a prefix up to their first '.' (e.g. amazon.titan, amazon.nova) are found with one search for
     * that prefix, then told apart with {@code startsWith}: one pass over the text per provider, not per keyword.
     */
    private record KeywordGroup(String prefix, List<String> keywords, List<Integer> rules) {
    }

    public TextMatcher(List<ScanRule> rules) {
        this.rules = rules;
        java.util.Map<String, KeywordGroup> byPrefix = new java.util.LinkedHashMap<>();
        for (int ri = 0; ri < rules.size(); ri++) {
            for (String k : rules.get(ri).keywords()) {
                int dot = k.indexOf('.');
                String prefix = dot > 0 ? k.substring(0, dot + 1) : k;
                KeywordGroup g = byPrefix.computeIfAbsent(prefix, x -> new KeywordGroup(x, new ArrayList<>(), new ArrayList<>()));
                g.keywords().add(k);
                g.rules().add(ri);
            }
        }
        this.groups = List.copyOf(byPrefix.values());
    }

    public List<Match> matches(String text) {
        return matches(text.getBytes(StandardCharsets.UTF_8));
    }

    public List<Match> matches(byte[] bytes) {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Match> out = new ArrayList<>();
        // keyword hits as (position << 8 | rule index), sorted: one pass over the text computes line numbers
        long[] hits = new long[16];
        int n = 0;
        for (KeywordGroup g : groups) {
            for (int i = latin1.indexOf(g.prefix()); i >= 0; i = latin1.indexOf(g.prefix(), i + 1)) {
                for (int k = 0; k < g.keywords().size(); k++) {
                    if (latin1.startsWith(g.keywords().get(k), i)) {
                        if (n == hits.length) {
                            hits = Arrays.copyOf(hits, n * 2);
                        }
                        hits[n++] = ((long) i << 8) | g.rules().get(k);
                    }
                }
            }
        }
        if (n == 0) {
            return out;
        }
        Arrays.sort(hits, 0, n);
        Matcher[] matchers = new Matcher[rules.size()];
        int line = 1;
        int counted = 0;
        int lineStart = 0;
        int lineEnd = -1;
        int lineFirst = out.size();
        int[] matchedUpTo = new int[rules.size()]; // a rule's last match end: later hits inside it add nothing
        for (int h = 0; h < n; h++) {
            int pos = (int) (hits[h] >>> 8);
            int ri = (int) (hits[h] & 0xff);
            if (pos > lineEnd) {
                lineStart = latin1.lastIndexOf('\n', pos) + 1;
                line += count(latin1, counted, lineStart);
                counted = lineStart;
                int e = latin1.indexOf('\n', pos);
                lineEnd = e < 0 ? latin1.length() : e;
                lineFirst = out.size();
                Arrays.fill(matchedUpTo, -1);
            }
            if (pos < matchedUpTo[ri]) {
                continue;
            }
            ScanRule rule = rules.get(ri);
            Matcher m = matchers[ri] == null ? (matchers[ri] = rule.pattern().matcher(latin1).useTransparentBounds(true).useAnchoringBounds(false))
                    : matchers[ri];
            // a match contains one of the rule's keywords and starts at most max_prefix characters before it
            for (int start = Math.max(lineStart, Math.max(pos - rule.maxPrefix(), matchedUpTo[ri])); start <= pos; start++) {
                m.region(start, lineEnd);
                if (m.lookingAt()) {
                    addLongest(out, lineFirst, new Match(rule, line, column(bytes, lineStart, start - lineStart), m.group()));
                    matchedUpTo[ri] = m.end();
                    break;
                }
            }
        }
        return out;
    }

    /** Matches of one line of text (1-based {@code line}); used for values such as an env var's. */
    public List<Match> matchLine(String content, int line) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        List<Match> out = new ArrayList<>();
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        matchLine(latin1, 0, latin1.length(), 0, bytes, line, rules, out);
        return out;
    }

    /** Runs the rules over {@code text[from, end)} (a line starting at {@code lineStart}), with transparent bounds. */
    private static void matchLine(String text, int lineStart, int end, int from, byte[] bytes, int line, List<ScanRule> rules, List<Match> out) {
        int first = out.size();
        for (ScanRule r : rules) {
            Matcher m = r.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false).region(r.keywords().isEmpty() ? lineStart : from, end);
            while (m.find()) {
                int column = column(bytes, lineStart, m.start() - lineStart);
                addLongest(out, first, new Match(r, line, column, m.group()));
            }
        }
    }

    /** 1-based character column of byte offset {@code offset} within the line starting at {@code lineStart}. */
    private static int column(byte[] bytes, int lineStart, int offset) {
        int chars = 0;
        for (int i = lineStart; i < lineStart + offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) { // not a UTF-8 continuation byte
                chars++;
            }
        }
        return chars + 1;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    private static void addLongest(List<Match> out, int first, Match match) {
        int s = match.column();
        int e = s + match.text().length();
        for (int i = first; i < out.size(); i++) {
            Match o = out.get(i);
            int os = o.column();
            int oe = os + o.text().length();
            if (s < oe && os < e) { // overlap
                if (e - s > oe - os) {
                    out.set(i, match);
                }
                return;
            }
        }
        out.add(match);
    }
}
