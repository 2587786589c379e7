package dev.modelctl.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The literal pre-filter: finds every occurrence of every rule keyword in one pass over a file. Model keywords all
 * contain a dot ({@code anthropic.claude}, {@code amazon.nova}), so the pass visits the text's dots with the JVM's
 * vectorised {@code indexOf('.')} and looks at the byte before and the two bytes after each dot: two 64 Kbit tables
 * reject almost every dot at once ({@code json.dumps}, {@code software.amazon.awssdk}), and only the rest are compared
 * with the keywords that share those bytes. Keywords without such a dot (e.g. {@code :bedrock:}) get one plain
 * {@code indexOf} pass each. Rule data stays free to add keywords; only their cost differs.
 */
final class KeywordIndex {
    /** One keyword: its bytes, the offset of its anchor dot (-1 for a plain keyword) and the rules it gates. */
    private record Keyword(byte[] bytes, String text, int dot, int[] rules) {
    }

    /** Bit sets over the two bytes after a dot, and over the byte before and the byte after it: can a keyword be here? */
    private final long[] afterDot = new long[1024];
    private final long[] aroundDot = new long[1024];
    /** Dotted keywords by (byte before the dot, two bytes after), open addressing; keys are stored +1 (0 = empty). */
    private final int[] slotKeys;
    private final Keyword[][] slotKeywords;
    private final List<Keyword> plain = new ArrayList<>();
    private final boolean anyDotted;

    KeywordIndex(List<ScanRule> rules) {
        Map<String, List<Integer>> rulesByKeyword = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String k : rules.get(r).keywords()) {
                List<Integer> list = rulesByKeyword.computeIfAbsent(k, x -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        Map<Integer, List<Keyword>> dotted = new LinkedHashMap<>();
        rulesByKeyword.forEach((text, ruleList) -> {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            int dot = text.indexOf('.');
            int[] ruleIds = ruleList.stream().mapToInt(Integer::intValue).toArray();
            if (dot >= 1 && dot + 2 < bytes.length) {
                Keyword k = new Keyword(bytes, text, dot, ruleIds);
                int after = after(bytes, dot);
                afterDot[after >>> 6] |= 1L << (after & 63);
                int around = ((bytes[dot - 1] & 0xff) << 8) | (bytes[dot + 1] & 0xff);
                aroundDot[around >>> 6] |= 1L << (around & 63);
                dotted.computeIfAbsent(key(bytes, dot), x -> new ArrayList<>()).add(k);
            } else {
                plain.add(new Keyword(bytes, text, -1, ruleIds));
            }
        });
        anyDotted = !dotted.isEmpty();
        int size = Integer.highestOneBit(Math.max(4, dotted.size() * 4)) * 2;
        slotKeys = new int[size];
        slotKeywords = new Keyword[size][];
        dotted.forEach((key, list) -> {
            int slot = slot(key);
            while (slotKeys[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slotKeys[slot] = key + 1;
            slotKeywords[slot] = list.toArray(Keyword[]::new);
        });
    }

    /**
     * Every keyword occurrence in a file as {@code position << 16 | rule}, sorted by position; {@code text} is the
     * Latin-1 view of {@code bytes} (the vectorised dot search runs on it). Empty for the usual file.
     */
    long[] find(byte[] bytes, String text) {
        long[] hits = new long[8];
        int n = 0;
        int len = bytes.length;
        if (anyDotted) {
            for (int i = text.indexOf('.', 1); i >= 0 && i + 2 < len; i = text.indexOf('.', i + 1)) {
                int before = bytes[i - 1] & 0xff;
                int next = bytes[i + 1] & 0xff;
                int around = (before << 8) | next;
                if ((aroundDot[around >>> 6] & (1L << (around & 63))) == 0) {
                    continue;
                }
                int after = (next << 8) | (bytes[i + 2] & 0xff);
                if ((afterDot[after >>> 6] & (1L << (after & 63))) == 0) {
                    continue;
                }
                Keyword[] candidates = lookup((before << 16) | after);
                if (candidates == null) {
                    continue;
                }
                for (Keyword k : candidates) {
                    int start = i - k.dot();
                    if (start >= 0 && start + k.bytes().length <= len
                            && Arrays.equals(bytes, start, start + k.bytes().length, k.bytes(), 0, k.bytes().length)) {
                        for (int r : k.rules()) {
                            if (n == hits.length) {
                                hits = Arrays.copyOf(hits, n * 2);
                            }
                            hits[n++] = ((long) start << 16) | r;
                        }
                    }
                }
            }
        }
        for (Keyword k : plain) {
            for (int i = text.indexOf(k.text()); i >= 0; i = text.indexOf(k.text(), i + 1)) {
                for (int r : k.rules()) {
                    if (n == hits.length) {
                        hits = Arrays.copyOf(hits, n * 2);
                    }
                    hits[n++] = ((long) i << 16) | r;
                }
            }
        }
        long[] out = Arrays.copyOf(hits, n);
        Arrays.sort(out);
        return out;
    }

    private Keyword[] lookup(int key) {
        int mask = slotKeys.length - 1;
        for (int slot = slot(key); slotKeys[slot] != 0; slot = (slot + 1) & mask) {
            if (slotKeys[slot] == key + 1) {
                return slotKeywords[slot];
            }
        }
        return null;
    }

    private int slot(int key) {
        return (key * 0x9E3779B1 >>> 8) & (slotKeys.length - 1);
    }

    private static int after(byte[] k, int dot) {
        return ((k[dot + 1] & 0xff) << 8) | (k[dot + 2] & 0xff);
    }

    private static int key(byte[] k, int dot) {
        return ((k[dot - 1] & 0xff) << 16) | after(k, dot);
    }
}
