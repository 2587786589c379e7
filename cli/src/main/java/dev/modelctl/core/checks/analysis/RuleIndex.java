package dev.modelctl.core.checks.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Finds, for each rule, the higher-precedence rules that can match one request with it — without comparing all pairs.
 * Rules are numbered in precedence order. Per term ({@code attribute = value}) a posting list holds the rules accepting
 * that value, ascending; per attribute, the rules naming it. A rule's candidates are the earlier rules that share a
 * value of its most selective attribute plus the earlier rules that leave that attribute open (both are prefixes of
 * ascending arrays); each candidate then gets the exact overlap test on the packed {@link CompactBox} codes.
 */
final class RuleIndex {
    private final int[][] codes;
    private final int[][] postings;
    private final int[] naming;
    private final int[][] open;
    private final int[] stamp;
    private int generation;
    private int[] buffer = new int[64];

    /** @param codes packed {@link CompactBox} codes of the rules, in precedence order */
    RuleIndex(List<int[]> codes, int attributeCount, int termCount) {
        this.codes = codes.toArray(int[][]::new);
        int[] termSize = new int[termCount];
        naming = new int[attributeCount];
        for (int[] code : this.codes) {
            for (int k = 0; k < code.length; k += 2 + code[k + 1]) {
                naming[code[k]]++;
                for (int t = k + 2; t < k + 2 + code[k + 1]; t++) {
                    termSize[code[t]]++;
                }
            }
        }
        postings = new int[termCount][];
        for (int t = 0; t < termCount; t++) {
            postings[t] = new int[termSize[t]];
        }
        Arrays.fill(termSize, 0);
        for (int i = 0; i < this.codes.length; i++) {
            int[] code = this.codes[i];
            for (int k = 0; k < code.length; k += 2 + code[k + 1]) {
                for (int t = k + 2; t < k + 2 + code[k + 1]; t++) {
                    postings[code[t]][termSize[code[t]]++] = i;
                }
            }
        }
        open = new int[attributeCount][];
        stamp = new int[this.codes.length];
    }

    int[] code(int i) {
        return codes[i];
    }

    /** The rules before {@code b} in precedence order that overlap it, ascending. */
    int[] overlappingEarlier(int b) {
        int[] rule = codes[b];
        int best = -1;
        long bestCount = Long.MAX_VALUE;
        // Selectivity from whole-list sizes (O(1) each): a good enough guide, the exact prefix is walked below.
        for (int k = 0; k < rule.length; k += 2 + rule[k + 1]) {
            long count = codes.length - naming[rule[k]];
            for (int t = k + 2; t < k + 2 + rule[k + 1]; t++) {
                count += postings[rule[t]].length;
            }
            if (count < bestCount) {
                bestCount = count;
                best = k;
            }
        }
        int found = 0;
        if (best < 0) { // a rule without conditions overlaps every earlier rule that matches anything
            for (int a = 0; a < b; a++) {
                if (CompactBox.overlaps(codes[a], rule)) {
                    found = append(found, a);
                }
            }
            return Arrays.copyOf(buffer, found);
        }
        generation++;
        boolean severalValues = rule[best + 1] > 1; // then a rule accepting several of them sits in several postings
        for (int t = best + 2; t < best + 2 + rule[best + 1]; t++) {
            for (int a : postings[rule[t]]) {
                if (a >= b) {
                    break;
                }
                if (severalValues) {
                    if (stamp[a] == generation) {
                        continue;
                    }
                    stamp[a] = generation;
                }
                if (CompactBox.overlaps(codes[a], rule)) {
                    found = append(found, a);
                }
            }
        }
        int attr = rule[best];
        if (naming[attr] < codes.length && codes.length - naming[attr] > codes.length / 2) {
            // most rules leave attr open (e.g. one attribute per rule): walk them in place rather than keep an
            // n-sized list per such attribute (n² memory when every rule names an attribute of its own)
            for (int a = 0; a < b; a++) {
                if (!names(codes[a], attr) && CompactBox.overlaps(codes[a], rule)) {
                    found = append(found, a);
                }
            }
        } else if (naming[attr] < codes.length) {
            for (int a : open(attr)) {
                if (a >= b) {
                    break;
                }
                if (CompactBox.overlaps(codes[a], rule)) {
                    found = append(found, a);
                }
            }
        }
        int[] out = Arrays.copyOf(buffer, found);
        Arrays.sort(out);
        return out;
    }

    /** Rules that leave {@code attr} open, ascending; built on first use (only attributes few rules leave open get chosen). */
    private int[] open(int attr) {
        if (open[attr] == null) {
            int[] out = new int[codes.length - naming[attr]];
            int w = 0;
            for (int i = 0; i < codes.length; i++) {
                if (!names(codes[i], attr)) {
                    out[w++] = i;
                }
            }
            open[attr] = out;
        }
        return open[attr];
    }

    private static boolean names(int[] code, int attr) {
        for (int k = 0; k < code.length && code[k] <= attr; k += 2 + code[k + 1]) {
            if (code[k] == attr) {
                return true;
            }
        }
        return false;
    }

    private int append(int size, int value) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, size * 2);
        }
        buffer[size] = value;
        return size + 1;
    }
}
