package dev.modelctl.core.features.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The literal pre-filter: finds every occurrence of every rule keyword in one pass over a file's bytes. Model
 * keywords contain a dot or a colon ({@code anthropic.claude}, {@code :bedrock:}): the pass finds those anchor bytes
 * eight at a time ({@link ByteSearch}) and looks at the bytes around each anchor: 64 Kbit tables on the bytes beside it
 * reject almost every one at once ({@code json.dumps}, {@code key: value}), and only the rest are compared with the
 * keywords that share those bytes. A keyword is keyed on the two bytes after its anchor, or, when nothing follows its
 * anchor ({@code amazon.}), on the two before it. A keyword without an anchor gets a search of its own.
 */
final class KeywordIndex {
    private static final byte[] ANCHORS = {'.', ':'};
    private static final long DOTS = ByteSearch.broadcast((byte) '.');
    private static final long COLONS = ByteSearch.broadcast((byte) ':');
    private static final int[] ALL_BYTES = java.util.stream.IntStream.range(0, 256).toArray();

    /**
     * One keyword: its bytes, the offset of its anchor (-1 for a plain keyword), whether it is keyed on the two bytes
     * before the anchor ({@code amazon.}: nothing follows the dot) rather than the two after it, and the rules it gates.
     */
    private record Keyword(byte[] bytes, String text, int anchor, boolean keyedBefore, boolean startsName, int[] rules) {
    }

    /** Per anchor: can a keyword have this byte before and after the anchor / these two bytes after it / before it? */
    private final long[][] around = new long[ANCHORS.length][1024];
    private final long[][] after = new long[ANCHORS.length][1024];
    private final long[][] before = new long[ANCHORS.length][1024];
    /** Anchored keywords by (side, anchor, two bytes beside it), open addressing; keys are stored +1 (0 = empty). */
    private final int[] slotKeys;
    private final Keyword[][] slotKeywords;
    private final List<Keyword> plain = new ArrayList<>();
    private final boolean anyAnchored;

    KeywordIndex(List<ScanRule> rules) {
        // a keyword shared by rules that do and do not ask for a name start is two keywords
        Map<String, List<Integer>> rulesByKeyword = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String k : rules.get(r).keywords()) {
                List<Integer> list = rulesByKeyword.computeIfAbsent((rules.get(r).keywordStartsName() ? "1" : "0") + k, x -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        Map<Integer, List<Keyword>> anchored = new LinkedHashMap<>();
        rulesByKeyword.forEach((flaggedText, ruleList) -> {
            boolean startsName = flaggedText.charAt(0) == '1';
            String text = flaggedText.substring(1);
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            int[] ruleIds = ruleList.stream().mapToInt(Integer::intValue).toArray();
            int at = anchorWithTwoAfter(bytes);
            boolean keyedBefore = at < 0;
            if (keyedBefore) {
                at = anchorWithTwoBefore(bytes);
            }
            if (at < 0) {
                plain.add(new Keyword(bytes, text, -1, false, startsName, ruleIds));
                return;
            }
            int a = anchorIndex(bytes[at]);
            // the byte before and after the anchor, each fixed by the keyword or (past its end) any byte
            int[] befores = at > 0 ? new int[]{bytes[at - 1] & 0xff} : ALL_BYTES;
            int[] afters = at + 1 < bytes.length ? new int[]{bytes[at + 1] & 0xff} : ALL_BYTES;
            for (int b : befores) {
                for (int n : afters) {
                    set(around[a], (b << 8) | n);
                }
            }
            int key;
            if (keyedBefore) {
                int two = ((bytes[at - 2] & 0xff) << 8) | (bytes[at - 1] & 0xff);
                set(before[a], two);
                key = (1 << 17) | (a << 16) | two;
            } else {
                int two = ((bytes[at + 1] & 0xff) << 8) | (bytes[at + 2] & 0xff);
                set(after[a], two);
                key = (a << 16) | two;
            }
            anchored.computeIfAbsent(key, x -> new ArrayList<>()).add(new Keyword(bytes, text, at, keyedBefore, startsName, ruleIds));
        });
        anyAnchored = !anchored.isEmpty();
        int size = Integer.highestOneBit(Math.max(4, anchored.size() * 4)) * 2;
        slotKeys = new int[size];
        slotKeywords = new Keyword[size][];
        anchored.forEach((key, list) -> {
            int slot = slot(key);
            while (slotKeys[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slotKeys[slot] = key + 1;
            slotKeywords[slot] = list.toArray(Keyword[]::new);
        });
    }

    /** The first anchor byte with two bytes after it, or -1. */
    private static int anchorWithTwoAfter(byte[] k) {
        for (int i = 0; i + 2 < k.length; i++) {
            if (anchorIndex(k[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last anchor byte with two bytes before it, or -1. */
    private static int anchorWithTwoBefore(byte[] k) {
        for (int i = k.length - 1; i >= 2; i--) {
            if (anchorIndex(k[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int anchorIndex(byte b) {
        for (int i = 0; i < ANCHORS.length; i++) {
            if (ANCHORS[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every keyword occurrence in a file as {@code position << 16 | rule}, sorted by position; {@code latin1} gives
     * the file's Latin-1 view, needed only when there are plain keywords. Empty for the usual file.
     */
    long[] find(byte[] b, java.util.function.Supplier<String> latin1) {
        Hits hits = new Hits();
        if (anyAnchored) {
            int n = b.length;
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long w = ByteSearch.word(b, i);
                for (long z = ByteSearch.flags(w, DOTS) | ByteSearch.flags(w, COLONS); z != 0; z &= z - 1) {
                    candidate(b, i + ByteSearch.lowest(z), hits); // checks the byte: a flag can be a borrow's
                }
            }
            for (; i < n; i++) {
                candidate(b, i, hits);
            }
        }
        if (!plain.isEmpty()) {
            String text = latin1.get();
            for (Keyword k : plain) {
                for (int i = text.indexOf(k.text()); i >= 0; i = text.indexOf(k.text(), i + 1)) {
                    if (k.startsName() && !nameCanStartAt(b, i)) {
                        continue;
                    }
                    for (int r : k.rules()) {
                        hits.add(i, r);
                    }
                }
            }
        }
        return hits.sorted();
    }

    private void candidate(byte[] b, int k, Hits hits) {
        int a = b[k] == '.' ? 0 : b[k] == ':' ? 1 : -1;
        if (a < 0) {
            return;
        }
        int next = k + 1 < b.length ? b[k + 1] & 0xff : 0;
        int prev = k > 0 ? b[k - 1] & 0xff : 0;
        if (!isSet(around[a], (prev << 8) | next)) {
            return;
        }
        if (k + 2 < b.length) {
            int two = (next << 8) | (b[k + 2] & 0xff);
            if (isSet(after[a], two)) {
                compare(lookup((a << 16) | two), b, k, hits);
            }
        }
        if (k >= 2) {
            int two = ((b[k - 2] & 0xff) << 8) | prev;
            if (isSet(before[a], two)) {
                compare(lookup((1 << 17) | (a << 16) | two), b, k, hits);
            }
        }
    }

    private static void compare(Keyword[] candidates, byte[] b, int k, Hits hits) {
        if (candidates == null) {
            return;
        }
        for (Keyword kw : candidates) {
            int start = k - kw.anchor();
            int end = start + kw.bytes().length;
            if (start >= 0 && end <= b.length && Arrays.equals(b, start, end, kw.bytes(), 0, kw.bytes().length)
                    && (!kw.startsName() || nameCanStartAt(b, start))) {
                for (int r : kw.rules()) {
                    hits.add(start, r);
                }
            }
        }
    }

    /**
     * Whether a name (a model ID) can start at byte {@code i}: the byte before cannot continue a name (a letter, a
     * digit, '_' or '-'; a '.' unless it ends a {@code }.} template placeholder), or it ends a {@code \n} / {@code \t}
     * escape. The boundary that the built-in patterns begin with (rules/model_ids.yaml), applied to the keyword itself.
     */
    static boolean nameCanStartAt(byte[] b, int i) {
        if (i == 0) {
            return true;
        }
        int c = b[i - 1] & 0xff;
        if (c == '.') {
            return i < 2 || b[i - 2] == '}';
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
            return (c == 'n' || c == 't') && i >= 2 && b[i - 2] == '\\';
        }
        return true;
    }

    /** A growing array of hits. */
    private static final class Hits {
        private long[] a = new long[8];
        private int n;

        void add(int position, int rule) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = ((long) position << 16) | rule;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(a, n);
            Arrays.sort(out);
            return out;
        }
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << (i & 63);
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << (i & 63))) != 0;
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
}
