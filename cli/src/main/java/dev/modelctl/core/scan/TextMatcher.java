package dev.modelctl.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Runs the rules over a file. The file is viewed as Latin-1 (a copy, not a decode) so the keyword pre-filter
 * ({@link KeywordIndex}) works on bytes with the JVM's vectorised searches; a rule's regex is only tried at the few
 * places next to one of its keywords, never over whole lines, and only lines with a match are looked at as UTF-8 (for
 * the column). Overlapping matches keep the longest (an ARN over the model ID inside it).
 */
public final class TextMatcher {
    private final List<ScanRule> rules;
    private final KeywordIndex keywords;

    public TextMatcher(List<ScanRule> rules) {
        if (rules.size() > 0xffff) {
            throw new IllegalArgumentException("too many scan rules: " + rules.size());
        }
        this.rules = List.copyOf(rules);
        this.keywords = new KeywordIndex(this.rules);
    }

    /** Matches in a text (tests, rule examples). */
    public List<Match> matches(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return matches(bytes, new Latin1(bytes));
    }

    /** A file's bytes viewed as Latin-1 (a copy, not a decode), made on first use and kept. */
    public static final class Latin1 implements Supplier<String> {
        private final byte[] bytes;
        private String text;

        public Latin1(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String get() {
            if (text == null) {
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return text;
        }
    }

    /** Matches in a file, given its bytes and their Latin-1 view; 1-based line and character column. */
    public List<Match> matches(byte[] bytes, Latin1 view) {
        long[] hits = keywords.find(bytes, view);
        List<Match> out = new ArrayList<>();
        if (hits.length == 0) {
            return out; // the usual file: its bytes were looked at once and nothing else happens
        }
        String latin1 = view.get();
        Matcher[] matchers = new Matcher[rules.size()];
        int[] matchedUpTo = new int[rules.size()]; // a rule's last match end on this line: hits inside it add nothing
        int line = 1;
        int counted = 0;
        int lineStart = 0;
        int lineEnd = -1;
        int lineFirst = 0;
        for (long hit : hits) {
            int pos = (int) (hit >>> 16);
            int ri = (int) (hit & 0xffff);
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
            Matcher m = matchers[ri];
            if (m == null) {
                m = matchers[ri] = rule.pattern().matcher(latin1).useTransparentBounds(true).useAnchoringBounds(false);
            }
            // a match contains one of the rule's keywords and starts at most max_prefix characters before it
            for (int start = Math.max(lineStart, Math.max(pos - rule.maxPrefix(), matchedUpTo[ri])); start <= pos; start++) {
                m.region(start, lineEnd);
                if (m.lookingAt()) {
                    addLongest(out, lineFirst, new Match(rule, line, column(bytes, lineStart, start - lineStart), m.group(), start));
                    matchedUpTo[ri] = m.end();
                    break;
                }
            }
        }
        return out;
    }

    /** Matches of one value (an env var's, a notebook string) reported at {@code line}, columns from 1. */
    public List<Match> matchValue(String value, int line) {
        List<Match> out = new ArrayList<>();
        for (Match m : matches(value)) {
            out.add(new Match(m.rule(), line, m.column(), m.text(), -1));
        }
        return out;
    }

    /** 1-based character column of byte {@code offset} within the line starting at {@code lineStart}. */
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
