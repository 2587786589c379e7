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
}
