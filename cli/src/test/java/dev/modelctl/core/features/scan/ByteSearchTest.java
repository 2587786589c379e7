package dev.modelctl.core.features.scan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eight-bytes-at-a-time literal search says what {@code String.contains} says of the Latin-1 view, everywhere. */
class ByteSearchTest {
    /** Every introducer the env-var formats declare, and literals with repeats, one byte, non-ASCII and none. */
    private static List<String> literals() {
        List<String> out = new ArrayList<>();
        for (EnvVars.Format format : EnvVars.Format.values()) {
            out.addAll(format.introducers);
        }
        out.addAll(List.of("", "a", "aa", "aab", "abab", "\u00e9t\u00e9", "zzzzzzzzz", "nvironmentnvironment"));
        return out;
    }

    @Test
    void findsALiteralAtEveryOffsetAndNothingElse() {
        for (String literal : literals()) {
            ByteSearch.Literal prepared = ByteSearch.Literal.of(literal);
            for (int length = 0; length <= 40; length++) {
                for (int at = 0; at + literal.length() <= length; at++) {
                    StringBuilder text = new StringBuilder("x".repeat(length));
                    text.replace(at, at + literal.length(), literal);
                    assertTrue(ByteSearch.contains(bytes(text.toString()), prepared), literal + " at " + at + " of " + length);
                }
                // one byte short of the literal, at every offset: a near miss is not a match
                if (literal.length() > 1) {
                    for (int at = 0; at + literal.length() - 1 <= length; at++) {
                        StringBuilder text = new StringBuilder("x".repeat(length));
                        text.replace(at, at + literal.length() - 1, literal.substring(0, literal.length() - 1));
                        assertEquals(text.toString().contains(literal), ByteSearch.contains(bytes(text.toString()), prepared), literal);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithStringContainsOnRandomText() {
        Random random = new Random(20261201);
        String alphabet = "nvironmetabl:\"ECNVfgM=\u00e9 \n";
        int found = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(64); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String literal : literals()) {
                boolean expected = text.toString().contains(literal);
                assertEquals(expected, ByteSearch.contains(bytes(text.toString()), ByteSearch.Literal.of(literal)), literal + " in " + text);
                found += expected ? 1 : 0;
            }
        }
        assertTrue(found > 1_000, "the random texts contain the literals often enough to test the matches too: " + found);
    }

    @Test
    void searchesByTheRarestByte() {
        assertEquals('v', (char) ByteSearch.Literal.of("nvironment").bytes()[ByteSearch.Literal.of("nvironment").anchor()]);
        assertEquals(':', (char) ByteSearch.Literal.of("env:").bytes()[ByteSearch.Literal.of("env:").anchor()]);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
