package dev.modelctl.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs the rules over a text line by line: the keyword pre-filter first (on the whole text, then per line), the regex
 * only on lines that pass it. Overlapping matches keep the longest (an ARN over the model ID inside it).
 */
public final class TextMatcher {
    private final List<ScanRule> rules;

    public TextMatcher(List<ScanRule> rules) {
        this.rules = rules;
    }

    public List<Match> matches(String text) {
        List<ScanRule> candidates = new ArrayList<>();
        for (ScanRule r : rules) {
            if (r.mayMatch(text)) {
                candidates.add(r);
            }
        }
        List<Match> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            return out;
        }
        int line = 1;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String content = text.substring(start, end);
            matchLine(content, line, candidates, out);
            line++;
            start = end + 1;
            if (end == n) {
                break;
            }
        }
        return out;
    }

    /** Matches of one line (1-based {@code line}). */
    public List<Match> matchLine(String content, int line) {
        List<Match> out = new ArrayList<>();
        matchLine(content, line, rules, out);
        return out;
    }

    private static void matchLine(String content, int line, List<ScanRule> candidates, List<Match> out) {
        int first = out.size();
        for (ScanRule r : candidates) {
            if (!r.mayMatch(content)) {
                continue;
            }
            Matcher m = r.pattern().matcher(content);
            while (m.find()) {
                Match match = new Match(r, line, m.start() + 1, m.group());
                addLongest(out, first, match);
            }
        }
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
