package dev.modelctl.core.features.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte search eight bytes at a time (SWAR): a 64-bit word is tested for a byte value with a few arithmetic operations,
 * fast from the JVM's first run (no JIT intrinsic needed, unlike {@code String.indexOf}, which C1 code and cold runs
 * execute one byte at a time).
 */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /** The eight bytes at {@code i} as a little-endian word (byte {@code i} lowest). */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** {@code value} repeated in every byte of a word. */
    static long broadcast(byte value) {
        return (value & 0xffL) * ONES;
    }

    /**
     * A mask with the high bit set in the bytes of {@code word} that may equal the broadcast byte {@code pattern}: the
     * lowest flagged byte always does; a higher one can be flagged by a borrow, so callers check it.
     */
    static long flags(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** The byte offset within the word of the lowest flag. */
    static int lowest(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /**
     * Bytes of source text from common to rare (letter frequencies of English and code, then punctuation): a literal
     * is searched by its rarest byte, so few positions need a full compare. Bytes not listed count as the rarest.
     */
    private static final String COMMON_TO_RARE = " e\nt\taoinsrhldcumfpgwybv.,_=()\"'/-;:kxjqzETAOINSRHLDCUMFPGWYBVKXJQZ0123456789";

    /** A literal prepared for {@link #contains}: its bytes and the one the search looks for. */
    record Literal(byte[] bytes, int anchor, long pattern) {
        static Literal of(String text) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int anchor = 0;
            for (int i = 1; i < bytes.length; i++) {
                if (rank(bytes[i]) > rank(bytes[anchor])) {
                    anchor = i;
                }
            }
            return new Literal(bytes, anchor, bytes.length == 0 ? 0 : ByteSearch.broadcast(bytes[anchor]));
        }

        private static int rank(byte b) {
            int i = COMMON_TO_RARE.indexOf((char) (b & 0xff));
            return i < 0 ? Integer.MAX_VALUE : i;
        }
    }

    /** Whether {@code b} contains {@code literal}: what {@code String.contains} says of their Latin-1 views. */
    static boolean contains(byte[] b, Literal literal) {
        byte[] w = literal.bytes();
        if (w.length == 0) {
            return true;
        }
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            for (long z = flags(word(b, i), literal.pattern()); z != 0; z &= z - 1) {
                if (matchesAt(b, i + lowest(z) - literal.anchor(), w)) {
                    return true;
                }
            }
        }
        for (; i < b.length; i++) {
            if (matchesAt(b, i - literal.anchor(), w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code w} occurs in {@code b} at {@code start} (false when it would not fit). */
    private static boolean matchesAt(byte[] b, int start, byte[] w) {
        if (start < 0 || start + w.length > b.length) {
            return false;
        }
        for (int k = 0; k < w.length; k++) {
            if (b[start + k] != w[k]) {
                return false;
            }
        }
        return true;
    }
}
