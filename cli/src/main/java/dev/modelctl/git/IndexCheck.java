package dev.modelctl.git;

import dev.modelctl.core.base.io.InputException;
import dev.modelctl.core.base.io.InputFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A sanity check of the git index before JGit reads it: JGit trusts the entry count in the header and allocates for it,
 * so {@code DIRC} followed by garbage would run it out of memory. The header, the entry count against the file size,
 * and the SHA-1 trailer git writes are checked (as git itself does); a failure is one line, exit 2.
 */
final class IndexCheck {
    /** The smallest entry any index version can hold: 62 bytes of fixed fields plus a one-character name. */
    private static final int MIN_ENTRY_BYTES = 62;
    private static final long MAX_INDEX_BYTES = 1L << 30;

    private IndexCheck() {
    }

    static void verify(Path index, String flag) {
        byte[] bytes;
        try {
            bytes = InputFiles.readBounded(index, MAX_INDEX_BYTES);
        } catch (InputFiles.NotReadable e) {
            if (e.refusal() == InputFiles.Refusal.MISSING) {
                return; // a repository without an index (nothing staged yet) is fine
            }
            throw corrupt(index, flag, e.getMessage());
        } catch (IOException e) {
            throw corrupt(index, flag, e.getMessage());
        }
        if (bytes == null) {
            throw corrupt(index, flag, "larger than " + MAX_INDEX_BYTES + " bytes");
        }
        if (bytes.length < 32) {
            throw corrupt(index, flag, "only " + bytes.length + " bytes");
        }
        if (bytes[0] != 'D' || bytes[1] != 'I' || bytes[2] != 'R' || bytes[3] != 'C') {
            throw corrupt(index, flag, "no DIRC header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 8);
        int version = header.getInt();
        long entries = Integer.toUnsignedLong(header.getInt());
        if (version < 2 || version > 4) {
            throw corrupt(index, flag, "unknown index version " + version);
        }
        if (entries * MIN_ENTRY_BYTES > bytes.length - 32L) {
            throw corrupt(index, flag, "the header claims " + entries + " entries, more than " + bytes.length + " bytes can hold");
        }
        if (!trailerMatches(bytes, "SHA-1", 20) && !trailerMatches(bytes, "SHA-256", 32)) {
            throw corrupt(index, flag, "checksum mismatch");
        }
    }

    /** The trailer is the hash of everything before it (SHA-1, or SHA-256 in sha256 repositories), or zeros (index.skipHash). */
    private static boolean trailerMatches(byte[] bytes, String algorithm, int length) {
        byte[] trailer = Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
        if (Arrays.equals(trailer, new byte[length])) {
            return true;
        }
        try {
            MessageDigest d = MessageDigest.getInstance(algorithm);
            d.update(bytes, 0, bytes.length - length);
            return Arrays.equals(trailer, d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputException corrupt(Path index, String flag, String why) {
        return new InputException((flag == null ? "" : flag + ": ") + index + ": corrupt git index (" + why
                + "); repair it with 'git read-tree HEAD' or 'rm " + index + " && git reset'");
    }
}
