package dev.modelctl.core.features.scan;

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
    private final int maxPrefix;

    public TextMatcher(List<ScanRule> rules) {
        if (rules.size() > 0xffff) {
            throw new IllegalArgumentException("too many scan rules: " + rules.size());
        }
        this.rules = List.copyOf(rules);
        this.keywords = new KeywordIndex(this.rules);
        this.maxPrefix = this.rules.stream().mapToInt(ScanRule::maxPrefix).max().orElse(0);
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

    /**
     * Matches in a file, given its bytes and their Latin-1 view; 1-based line and character column. Linear in the file
     * size whatever the line lengths: columns are counted on from the previous match, and overlaps are looked for only
     * among the matches that can still reach the new one.
     */
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
        Columns columns = new Columns(bytes);
        LineMatches onLine = new LineMatches(out, maxPrefix);
        for (long hit : hits) {
            int pos = (int) (hit >>> 16);
            int ri = (int) (hit & 0xffff);
            if (pos > lineEnd) {
                lineStart = latin1.lastIndexOf('\n', pos) + 1;
                line += count(latin1, counted, lineStart);
                counted = lineStart;
                int e = latin1.indexOf('\n', pos);
                lineEnd = e < 0 ? latin1.length() : e;
                columns.line(lineStart);
                onLine.line();
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
                    onLine.addLongest(new Match(rule, line, columns.at(start), m.group(), start));
                    matchedUpTo[ri] = m.end();
                    break;
                }
            }
        }
        return out;
    }

    /** Character columns of byte offsets on one line, counted on (or back) from the last one asked for. */
    private static final class Columns {
        private final byte[] bytes;
        private int offset;
        private int column;

        Columns(byte[] bytes) {
            this.bytes = bytes;
        }

        void line(int lineStart) {
            offset = lineStart;
            column = 1;
        }

        /** The 1-based character column of byte {@code to} (UTF-8 continuation bytes do not count). */
        int at(int to) {
            for (; offset < to; offset++) {
                if ((bytes[offset] & 0xC0) != 0x80) {
                    column++;
                }
            }
            for (; offset > to; offset--) {
                if ((bytes[offset - 1] & 0xC0) != 0x80) {
                    column--;
                }
            }
            return column;
        }
    }

    /**
     * The matches of the current line, for overlap checks. A match starts at most max_prefix bytes before its keyword
     * and keywords come in order, so a match further back than the longest match plus max_prefix cannot overlap a new one.
     */
    private static final class LineMatches {
        private final List<Match> out;
        private final int slack;
        private int first;
        private int longest;

        LineMatches(List<Match> out, int slack) {
            this.out = out;
            this.slack = slack;
        }

        void line() {
            first = out.size();
            longest = 0;
        }

        /** Adds a match; of two overlapping matches the longer stays (an ARN over the model ID inside it). */
        void addLongest(Match match) {
            int s = match.offset();
            int e = s + match.text().length();
            for (int i = out.size() - 1; i >= first; i--) {
                Match o = out.get(i);
                int os = o.offset();
                if (os + longest + slack <= s) {
                    break; // this one and every one before it end before the new match starts
                }
                int oe = os + o.text().length();
                if (s < oe && os < e) {
                    if (e - s > oe - os) {
                        out.set(i, match);
                        longest = Math.max(longest, e - s);
                    }
                    return;
                }
            }
            out.add(match);
            longest = Math.max(longest, e - s);
        }
    }

    /** Matches of one value (an env var's, a notebook string) reported at {@code line}, columns from 1. */
    public List<Match> matchValue(String value, int line) {
        List<Match> out = new ArrayList<>();
        for (Match m : matches(value)) {
            out.add(new Match(m.rule(), line, m.column(), m.text(), -1));
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }
}
